import Foundation
import Synchronization

/// The thread of an import that runs a ``TierLinePreparer`` and hands its tiers to the writer in
/// chunks through an ``ImportPipe``.
///
/// The preparer is used by this thread alone from ``start()`` until ``wait()`` returns, after
/// which its counts may be read by the caller.
///
/// ```swift
/// let preparing = PreparingThread(preparer: preparer, pipe: pipe, chunkSize: 512)
/// preparing.start()
/// while let chunk = try pipe.receive() { ... }
/// preparing.wait()
/// ```
final class PreparingThread: @unchecked Sendable {
    // `preparer` is only touched by the thread between start() and the semaphore's signal.
    private let preparer: TierLinePreparer
    private let pipe: ImportPipe<[PreparedTier]>
    private let chunkSize: Int
    private let done = DispatchSemaphore(value: 0)
    private let waited = Mutex(false)

    init(preparer: TierLinePreparer, pipe: ImportPipe<[PreparedTier]>, chunkSize: Int) {
        self.preparer = preparer
        self.pipe = pipe
        self.chunkSize = chunkSize
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "guichet-import"
        thread.start()
    }

    /// Waits until the thread has finished (at once when it was waited for already).
    func wait() {
        guard !waited.withLock({ $0 }) else { return }
        done.wait()
        waited.withLock { $0 = true }
    }

    private func run() {
        defer { done.signal() }
        do {
            while let tiers = try preparer.nextBatch(lines: chunkSize) {
                if !tiers.isEmpty, !pipe.send(tiers) { return }
            }
            pipe.close(error: nil)
        } catch {
            pipe.close(error: error)
        }
    }
}
