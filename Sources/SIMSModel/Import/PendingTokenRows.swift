/// The runs of index rows the import's writer has received and not inserted yet. Each run is
/// sorted as it is received; they are all inserted in one pass at the end of the file
/// (``SearchTokenRunMerge``), or as soon as they hold `limit` rows, so that memory stays bounded
/// for a file of several million lines.
///
/// One pass in key order costs SQLite about a third of inserting run after run: every run's
/// rows land all over the index (the dates, phones and e-mails of new tiers are anywhere in it),
/// and each row then costs a search from the root and, often, a page split in the middle of the
/// tree; in key order each row is appended after the previous one.
///
/// ```swift
/// var pending = PendingTokenRows()
/// try pending.append(run, with: writer)   // inserts only past the limit
/// try pending.insertAll(with: writer)     // at the end
/// ```
struct PendingTokenRows {
    /// Rows held at most (about 35 bytes each with their tokens: some 280 MB for 8 million
    /// rows, the index of about 1.2 million tiers).
    static let defaultLimit = 8_000_000

    private let limit: Int
    private var runs: [SearchTokenRun] = []
    /// Rows held.
    private(set) var count = 0

    init(limit: Int = defaultLimit) {
        self.limit = limit
    }

    /// Sorts and keeps a run; inserts every row held once they reach the limit.
    mutating func append(_ run: SearchTokenRun, with writer: BulkTierWriter) throws {
        guard !run.isEmpty else { return }
        var run = run
        run.sort()
        runs.append(run)
        count += run.count
        if count >= limit { try insertAll(with: writer) }
    }

    /// Inserts every row held, in one pass in key order.
    mutating func insertAll(with writer: BulkTierWriter) throws {
        guard !runs.isEmpty else { return }
        try writer.insertTokens(merging: runs)
        runs = []
        count = 0
    }
}
