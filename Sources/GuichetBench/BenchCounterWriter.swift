import Foundation
import SIMSModel
import Synchronization

/// A counter agent creating records at a steady pace beside a long write (the import of
/// `bench import`), on a store connection of its own as another `guichet` process would: SQLite's
/// lock, not the pool's queue, stands between the two. Each write is timed; a write that fails
/// (« database is locked ») is counted with its message.
///
/// ```swift
/// let counter = BenchCounterWriter(store: try SIMSStore.open(path: path), agent: agent)
/// let quiet = counter.write(count: 50)
/// counter.start()
/// // ... the import ...
/// let during = counter.stop()
/// ```
final class BenchCounterWriter: Sendable {
    /// Milliseconds of each write that succeeded, and the messages of those that failed.
    struct Figures: Sendable {
        var milliseconds: [Double] = []
        var errors: [String] = []
    }

    let store: SIMSStore
    let agent: Agent
    /// Seconds between two writes.
    let pause: TimeInterval

    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let outcome = Mutex(Figures())
    /// Writes made so far: each creates a different person.
    private let written = Atomic<Int>(0)

    init(store: SIMSStore, agent: Agent, pause: TimeInterval = 0.05) {
        self.store = store
        self.agent = agent
        self.pause = pause
    }

    /// Makes `count` writes on the calling thread.
    func write(count: Int) -> Figures {
        var figures = Figures()
        for _ in 0..<count { writeOnce(into: &figures) }
        return figures
    }

    /// Writes on a thread of its own until ``stop()``.
    func start() {
        stopping.store(false, ordering: .relaxed)
        Thread.detachNewThread { [self] in
            var figures = Figures()
            while !stopping.load(ordering: .relaxed) { writeOnce(into: &figures) }
            outcome.withLock { $0 = figures }
            finished.signal()
        }
    }

    /// Stops the thread started by ``start()``; what it measured.
    func stop() -> Figures {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
        return outcome.withLock { $0 }
    }

    /// Creates one person (the counter's everyday write: a record and its event), timed.
    private func writeOnce(into figures: inout Figures) {
        let n = written.add(1, ordering: .relaxed).newValue
        let date = String(format: "%02d/%02d/%04d", 1 + n % 28, 1 + (n / 28) % 12, 1930 + n / 336)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            _ = try TierService(store: store).create(kind: .person, values: [
                .birthName: "Guichetier", .givenNames: "Banc", .birthDate: date,
            ], by: agent)
            figures.milliseconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        } catch {
            figures.errors.append("\(error)")
        }
        Thread.sleep(forTimeInterval: pause)
    }
}
