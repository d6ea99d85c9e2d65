/// The dossiers of one purge transaction, in a temporary table of the writer's connection
/// (`retention_purge_batch`: id, retention years, last day kept), so that each step of the
/// erasure is one statement over the batch (`WHERE dossier_id IN (SELECT id FROM …)`) rather than
/// one statement per dossier. Temporary tables live outside the store file: nothing of it is
/// written to the store or its log.
enum RetentionPurgeBatch {
    /// Empties the table (creating it on first use) and lists `dossiers` in it.
    static func fill(_ db: any StoreSession, _ dossiers: some Sequence<ExpiredDossier>) throws {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS retention_purge_batch (
                id INTEGER PRIMARY KEY, years INTEGER NOT NULL, until TEXT NOT NULL)
            """)
        try db.execute(sql: "DELETE FROM retention_purge_batch")
        let insert = try db.cachedStatement(sql: "INSERT INTO retention_purge_batch (id, years, until) VALUES (?, ?, ?)")
        for dossier in dossiers {
            try insert.execute(arguments: [dossier.id, dossier.term.years, dossier.term.until.iso])
        }
    }

    /// Takes `ids` out of the batch (dossiers left as they are).
    static func remove(_ db: any StoreSession, _ ids: [Int64]) throws {
        let delete = try db.cachedStatement(sql: "DELETE FROM retention_purge_batch WHERE id = ?")
        for id in ids { try delete.execute(arguments: [id]) }
    }

    /// Drops the table (after the purge).
    static func drop(_ db: any StoreSession) throws {
        try db.execute(sql: "DROP TABLE IF EXISTS retention_purge_batch")
    }
}
