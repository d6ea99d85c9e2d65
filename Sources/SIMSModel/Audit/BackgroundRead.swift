import Foundation
import Synchronization

/// A read of the store run on a thread of its own, on another connection of the pool, while the
/// caller goes on reading: ``value()`` waits for it. `guichet check` reads the engine's integrity and
/// the derived tables this way beside the chain and the attested rows.
///
/// ```swift
/// let integrity = BackgroundRead(store) { db in try db.capability(StoreIntegrityChecking.self).integrityMessages() }
/// // ... other reads ...
/// let messages = try integrity.value()
/// ```
final class BackgroundRead<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ store: SIMSStore, _ body: @escaping @Sendable (any StoreSession) throws -> Value) {
        DispatchQueue.global().async { [self] in
            let outcome = Result { try store.read(body) }
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
