import GRDB
import SIMSModel

/// What `guichet bench inactifs` reads of its store besides the list it times: the retention of
/// every procedure present, the day after the register's last activity, and its baseline, SQLite
/// reading the same tables once with nothing done of their rows.
package enum InactiveScanBaseline {
    /// The baseline: the tables the list reads, each read once by SQLite alone (COUNT, MAX);
    /// returns the persons not changed since `cutoff`.
    package static func plainScan(_ store: SIMSStore, cutoff: String) throws -> Int {
        try store.sqlitePool.read { db in
            for sql in ["SELECT COUNT(*), MAX(d.updated_at), MAX(d.decided_at), MAX(r.until) FROM dossier d "
                            + "LEFT JOIN dossier_retention r ON r.dossier_id = d.id",
                        "SELECT COUNT(*), MAX(d.created_at) FROM document_owner o JOIN document d ON d.id = o.document_id",
                        "SELECT COUNT(*), MAX(created_at) FROM relation"] {
                _ = try Row.fetchOne(db, sql: sql)
            }
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tier WHERE kind = 'personne' AND updated_at < ?",
                                    arguments: [cutoff]) ?? 0
        }
    }

    /// The procedure codes of the store's dossiers.
    package static func procedureCodes(_ store: SIMSStore) throws -> [String] {
        try store.sqlitePool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT procedure_code FROM dossier") }
    }

    /// The last time a tier or a dossier of the store changed, as stored.
    package static func lastActivity(_ store: SIMSStore) throws -> String? {
        try store.sqlitePool.read { db in
            try String.fetchOne(db, sql: """
                SELECT MAX(MAX(COALESCE((SELECT MAX(updated_at) FROM tier), ''), COALESCE((SELECT MAX(updated_at) FROM dossier), '')))
                """)
        }
    }
}
