import Foundation
package import GRDB
import Synchronization

/// A read of the store run on a thread of its own, on another connection of the pool, while the
/// caller goes on reading: ``value()`` waits for it. `guichet check` reads SQLite's integrity and
/// the derived tables this way beside the chain and the attested rows.
///
/// ```swift
/// let integrity = BackgroundRead(store) { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
/// // ... other reads ...
/// let messages = try integrity.value()
/// ```
final class BackgroundRead<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ store: SIMSStore, _ body: @escaping @Sendable (Database) throws -> Value) {
        DispatchQueue.global().async { [self] in
            let outcome = Result { try store.pool.read(body) }
            result.withLock { $0 = outcome }
            done.signal()
        }
    }

    /// The read's result, once it is done (its error rethrown).
    func value() throws -> Value {
        done.wait()
        done.signal()   // a second call does not wait for ever
        return try result.withLock { $0! }.get()
    }
}
