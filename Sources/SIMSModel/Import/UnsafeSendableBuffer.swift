/// A mutable buffer handed to the threads of `DispatchQueue.concurrentPerform`, each writing its
/// own elements only (see ``TierLinePreparer``); the caller keeps the memory alive until they
/// return.
struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        self.buffer = buffer
    }
}
