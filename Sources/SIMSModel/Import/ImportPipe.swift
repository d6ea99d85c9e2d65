import Foundation

/// A bounded hand-over of values from one producing thread to one consuming thread: the CSV
/// import prepares chunks of tiers on one core while the writer writes the previous ones on
/// the other. The producer waits when `capacity` values are pending, so memory stays bounded.
///
/// Either side may stop the other: the producer closes the pipe with its error, which the
/// consumer's next ``receive()`` throws; the consumer cancels, and the producer's next
/// ``send(_:)`` returns false.
///
/// ```swift
/// let pipe = ImportPipe<[PreparedTier]>(capacity: 8)
/// // producer thread: while ... { guard pipe.send(chunk) else { break } }; pipe.close(error: nil)
/// // consumer:        while let chunk = try pipe.receive() { ... }
/// ```
final class ImportPipe<Element>: @unchecked Sendable {
    // Every stored property is read and written with `condition` locked.
    private let condition = NSCondition()
    private let capacity: Int
    private var pending: [Element] = []
    private var closed = false
    private var cancelled = false
    private var failure: (any Error)?

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Hands a value over, waiting while the pipe is full; false when the consumer cancelled.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while pending.count >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        pending.append(element)
        condition.broadcast()
        return true
    }

    /// Says that nothing more will be sent, with the error that stopped the producer if any.
    func close(error: (any Error)?) {
        condition.lock()
        closed = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next value, waiting for it; nil once the producer closed the pipe and every value was
    /// received. Throws the producer's error.
    func receive() throws -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty && !closed { condition.wait() }
        if !pending.isEmpty {
            let element = pending.removeFirst()
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// What ``poll()`` finds.
    enum Arrival {
        case value(Element)
        /// Nothing yet: the producer is still at work.
        case nothing
        /// The producer closed the pipe and every value was received.
        case finished
    }

    /// The next value if one is waiting, without waiting for it. Throws the producer's error.
    func poll() throws -> Arrival {
        condition.lock()
        defer { condition.unlock() }
        if !pending.isEmpty {
            let element = pending.removeFirst()
            condition.broadcast()
            return .value(element)
        }
        guard closed else { return .nothing }
        if let failure { throw failure }
        return .finished
    }

    /// Tells the producer to stop.
    func cancel() {
        condition.lock()
        cancelled = true
        pending.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
