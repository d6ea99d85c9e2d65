/// The rows of a bulk write (``BulkTierWriter``) as one engine writes them fastest: SQLite binds
/// the prepared tiers' text in place into multi-row `INSERT`s (``SQLiteBulkTierRows``); a
/// PostgreSQL session would stream them with `COPY`. Opened for one transaction (one part of an
/// import) with ``BulkTierWriting/bulkTierRows(at:)``, and ended with ``finish()``, also after a
/// failed write; the next part opens its own on its own transaction, so an engine keeps what
/// spans parts (prepared statements, a `COPY` format) on its connection, never in this object.
protocol BulkTierRows: AnyObject {
    /// Inserts each tier's row (version 1) and its first fact record, pointing to `eventID`.
    func insertTiers(_ tiers: [PreparedTier], agentID: Int64?, eventID: Int64) throws

    /// Inserts relations (one already stored is left as it is), pointing to `eventID`.
    func insertRelations(_ relations: [(tierID: Int64, kind: RelationKind, relatedID: Int64)], eventID: Int64) throws

    /// Inserts the given rows of a run of index rows sorted in key order (``SearchTokenRun/sort()``);
    /// a row already stored is left as it is.
    func insertTokens(_ run: SearchTokenRun, rows: Range<Int>) throws

    /// Adds `counts` (sorted by word) to the typo vocabulary's tier counts (`search_word`);
    /// returns the words that were new to it, in the same order.
    func addVocabulary(_ counts: [(word: String, count: Int)]) throws -> [String]

    /// Files typo variants (``SearchWordVariants``), sorted by variant then word; a row already
    /// stored is left as it is.
    func insertVariants(_ rows: [(variant: String, word: String)]) throws

    /// Ends the bulk write: what the engine tuned for it (SQLite's page cache) is restored.
    func finish()
}
