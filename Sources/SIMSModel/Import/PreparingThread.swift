import Foundation

/// The thread of an import that runs a ``TierLinePreparer`` and hands its tiers to the writer in
/// chunks through an ``ImportPipe``, with the runs of index rows as they fill.
///
/// The preparer is used by this thread alone from ``start()`` until ``wait()`` returns, after
/// which its gathered tokens and vocabulary may be read by the caller.
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
    private let pipe: ImportPipe<ImportBatch>
    private let chunkSize: Int
    private let done = DispatchSemaphore(value: 0)

    init(preparer: TierLinePreparer, pipe: ImportPipe<ImportBatch>, chunkSize: Int) {
        self.preparer = preparer
        self.pipe = pipe
        self.chunkSize = chunkSize
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "guichet-import"
        thread.start()
    }

    /// Waits until the thread has finished.
    func wait() { done.wait() }

    private func run() {
        defer { done.signal() }
        do {
            while let tiers = try preparer.nextBatch(lines: chunkSize) {
                if !tiers.isEmpty, !pipe.send(.tiers(tiers)) { return }
                let runs = preparer.fullRuns
                preparer.fullRuns.removeAll()
                for run in runs { guard pipe.send(.tokens(run)) else { return } }
            }
            if let run = preparer.lastRun(), !pipe.send(.tokens(run)) { return }
            pipe.close(error: nil)
        } catch {
            pipe.close(error: error)
        }
    }
}
