import Foundation
import SIMSModel
import Synchronization

/// A counter agent at work beside a long write (the retention purge of `bench rgpd`): types names
/// in « Rechercher » at a typist's pace, a search at every key, and opens a record after each name
/// (which records the consultation: a write, so it waits for the transaction holding the store).
///
/// ```swift
/// let counter = BenchCounterAgent(store: store, agent: agent, names: names, tierIDs: ids)
/// let quiet = try counter.work(rounds: names.count)
/// counter.start()
/// // ... the purge ...
/// let during = try counter.stop()
/// ```
final class BenchCounterAgent: Sendable {
    /// Milliseconds of each key (until its frame) and of each record opened.
    struct Figures: Sendable {
        var keys: [Double] = []
        var opens: [Double] = []
    }

    let store: SIMSStore
    let agent: Agent
    let names: [String]
    let tierIDs: [Int64]
    /// Seconds between two keys.
    let pause: TimeInterval

    private let stopping = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private let outcome = Mutex<Result<Figures, any Error>?>(nil)

    init(store: SIMSStore, agent: Agent, names: [String], tierIDs: [Int64], pause: TimeInterval = 0.05) {
        self.store = store
        self.agent = agent
        self.names = names.isEmpty ? ["wamytan"] : names
        self.tierIDs = tierIDs
        self.pause = pause
    }

    /// Works `rounds` names on the calling thread.
    func work(rounds: Int) throws -> Figures {
        var done = 0
        return try work { done += 1; return done < rounds }
    }

    /// Starts working on a thread of its own, until ``stop()``.
    func start() {
        stopping.store(false, ordering: .relaxed)
        Thread.detachNewThread { [self] in
            let result = Result { try work { !stopping.load(ordering: .relaxed) } }
            outcome.withLock { $0 = result }
            finished.signal()
        }
    }

    /// Stops the thread started by ``start()`` after its current name; what it measured.
    func stop() throws -> Figures {
        stopping.store(true, ordering: .relaxed)
        finished.wait()
        return try outcome.withLock { $0 }?.get() ?? Figures()
    }

    /// Names typed, each followed by a record opened, while `goOn()` says so (one at least).
    private func work(while goOn: () -> Bool) throws -> Figures {
        let typing = BenchSearchTyping(store: store, agent: agent)
        let records = TierService(store: store)
        var figures = Figures()
        var round = 0
        repeat {
            figures.keys += typing.type(names[round % names.count], pause: pause)
            if !tierIDs.isEmpty {
                let id = tierIDs[round % tierIDs.count]
                figures.opens.append(try BenchMeasure.milliseconds { _ = try records.open(id: id, by: agent) })
            }
            round += 1
        } while goOn()
        return figures
    }
}
