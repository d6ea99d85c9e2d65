import GRDB
import SIMSModel

/// `guichet bench search`'s read of its store: Guichet's search and its baseline, SQLite's FTS5
/// ranked by bm25 over `bench_fts` (``SearchBaselineIndex``), run one after the other in one read
/// transaction, so that both see the same store and the same cache.
///
/// ```swift
/// try SearchBenchReader.read(store, search: TierSearch(store: store), baseline: true) { reader in
///     let ours = try BenchMeasure.milliseconds { _ = try reader.ours("helene wamytan") }
///     let fts = try BenchMeasure.milliseconds { _ = try reader.baseline(BenchQueries.ftsMatch("helene wamytan")) }
/// }
/// ```
package struct SearchBenchReader {
    private let db: Database
    /// The same read as the search sees it, through the store seam.
    private let session: SQLiteSession
    private let search: TierSearch
    /// The baseline's statement, prepared before any measure; nil when only Guichet's search is
    /// measured (the store may then have no `bench_fts`).
    private let fts: Statement?

    private init(db: Database, search: TierSearch, baseline: Bool) throws {
        self.db = db
        session = SQLiteSession(db)
        self.search = search
        fts = baseline
            ? try db.makeStatement(sql: "SELECT rowid FROM bench_fts WHERE bench_fts MATCH ? ORDER BY bm25(bench_fts) LIMIT 20")
            : nil
    }

    /// Runs `body` with a reader inside one read transaction of `store`; `baseline`: whether the
    /// FTS5 baseline is measured too.
    package static func read<T>(_ store: SIMSStore, search: TierSearch, baseline: Bool,
                                _ body: (SearchBenchReader) throws -> T) throws -> T {
        try store.sqlitePool.read { db in try body(SearchBenchReader(db: db, search: search, baseline: baseline)) }
    }

    /// Guichet's search for `text`: the first `limit` hits.
    package func ours(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        try search.search(session, query: SearchQuery.parse(text), limit: limit)
    }

    /// The baseline for the FTS5 expression `match`: the first 20 tier ids by bm25.
    package func baseline(_ match: String) throws -> [Int64] {
        guard let fts else { return [] }
        return try Int64.fetchAll(fts, arguments: [match])
    }
}
