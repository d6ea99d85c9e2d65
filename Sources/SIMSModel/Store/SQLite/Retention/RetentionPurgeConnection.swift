package import GRDB

/// The writer connection's settings for the length of a purge: a larger page cache and a less
/// frequent checkpoint of the write-ahead log, put back as they were afterwards.
///
/// A batch of dossiers touches a few thousand pages (the dossier table, its indexes, the events
/// and theirs); with SQLite's default cache (2 MB) they are read again from the file and spilled
/// to the log before the commit. The log is folded into the store file (checkpoint) once it holds
/// `walCheckpointPages`: pages that several batches touch are then written to the store once.
/// Counters' connections are untouched; their reads never wait for the purge's (WAL).
struct RetentionPurgeConnection {
    /// The writer's page cache during the purge (MiB).
    static let cacheMebibytes = 64
    /// The log's size, in pages, beyond which a commit folds it into the store.
    static let walCheckpointPages = 16_384

    let cacheSize: Int
    let autocheckpoint: Int

    /// Widens the writer's cache and checkpoint interval; returns the settings to restore.
    static func widen(_ store: SIMSStore) throws -> RetentionPurgeConnection {
        try store.sqlitePool.writeWithoutTransaction { db in
            let saved = RetentionPurgeConnection(
                cacheSize: try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000,
                autocheckpoint: try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 1000)
            try db.execute(sql: "PRAGMA cache_size = \(-cacheMebibytes * 1024)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(walCheckpointPages)")
            return saved
        }
    }

    /// Puts the writer's settings back, folds the log into the store and drops the batch table.
    static func restore(_ store: SIMSStore, _ saved: RetentionPurgeConnection) {
        try? store.sqlitePool.writeWithoutTransaction { db in
            try RetentionPurgeBatch.drop(SQLiteSession(db))
            try db.execute(sql: "PRAGMA cache_size = \(saved.cacheSize)")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(saved.autocheckpoint)")
            _ = try? db.checkpoint(.passive)
        }
    }
}
