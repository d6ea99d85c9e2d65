import Foundation
import Synchronization

/// Gives a writer waiting for the store its turn between the short transactions of a long write
/// (an import, a purge): SQLite's busy wait polls the lock now and then, and a long write that
/// takes the lock again a microsecond after its commit would let a waiting counter agent find
/// it taken at every try.
///
/// Every `guichet` process that finds the store busy holds a shared `flock` on
/// `<store>.attente` until its write is done (``waiting()`` from the busy handler, ``done()``
/// after the transaction); between two transactions, the long write calls ``yield(upTo:)``,
/// which returns as soon as no one holds that lock (at once, when no one waits).
///
/// ```swift
/// for batch in batches {
///     try store.write { db in ... }
///     store.turn.yield(upTo: 0.5)
/// }
/// ```
public final class StoreWriteTurn: Sendable {
    private let path: String
    /// The descriptor of the waiting file while this process waits, else -1.
    private let held = Mutex<Int32>(-1)

    init(storePath: String) {
        path = storePath + ".attente"
    }

    /// Says that this process waits for the store's write lock (called by the busy handler).
    func waiting() {
        held.withLock { fd in
            guard fd < 0 else { return }
            let opened = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard opened >= 0 else { return }
            fchmod(opened, 0o600)
            if flock(opened, LOCK_SH | LOCK_NB) == 0 {
                fd = opened
            } else {
                close(opened)
            }
        }
    }

    /// Says that this process no longer waits (its write is done or given up).
    func done() {
        held.withLock { fd in
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
        }
    }

    /// Waits, `limit` seconds at most, until no other process waits for the store's write lock.
    public func yield(upTo limit: TimeInterval) {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let deadline = Date().addingTimeInterval(limit)
        while flock(fd, LOCK_EX | LOCK_NB) != 0, Date() < deadline { usleep(1_000) }
        flock(fd, LOCK_UN)
    }
}
