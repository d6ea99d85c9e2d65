import GRDB
import SIMSModel

/// `guichet bench search`'s baseline index: SQLite's FTS5 over every tier's names and
/// identifiers (`bench_fts`), built once in the benchmark store beside Guichet's own index.
package enum SearchBaselineIndex {
    /// Creates and fills `bench_fts` in `store`, then truncates the write-ahead log so that the
    /// measures start from a checkpointed file.
    package static func build(in store: SIMSStore) throws {
        try store.sqlitePool.write { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE bench_fts USING fts5(names, ids, tokenize = 'unicode61 remove_diacritics 2');
                INSERT INTO bench_fts (rowid, names, ids)
                SELECT id, display_name,
                       coalesce(substr(birth_date, 9, 2) || substr(birth_date, 6, 2) || substr(birth_date, 1, 4), '')
                       || ' ' || coalesce(replace(ridet, '.', ''), '') || ' ' || coalesce(phone, '') || ' '
                       || coalesce(cafat, '') || ' ' || coalesce(email, '')
                FROM tier;
                """)
        }
        try store.sqlitePool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }
}
