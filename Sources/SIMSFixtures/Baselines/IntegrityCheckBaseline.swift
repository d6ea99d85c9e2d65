import GRDB
import SIMSModel

/// `guichet bench check`'s baseline: SQLite's own `PRAGMA integrity_check` of the store, beside
/// the chain and row digests `guichet check` verifies.
package enum IntegrityCheckBaseline {
    /// Runs SQLite's integrity check on `store`; returns its lines (« ok » when sound).
    @discardableResult
    package static func run(_ store: SIMSStore) throws -> [String] {
        try store.sqlitePool.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
