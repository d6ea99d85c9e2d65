/// The `(token, tier id)` rows of many tiers, gathered and handed out in runs
/// (``SearchTokenRun``) that the writer sorts and inserts, so that the `search_token` B-tree is
/// filled a run at a time in key order (each insert lands next to the previous one) rather than
/// in tier order, and no SQLite sort is needed.
///
/// The runs grow with the rows gathered (a quarter of them), from `firstRunSize` rows up to
/// `largestRunSize`: the identifier tokens (dates, phones, e-mails) of the new tiers land all
/// over the index, so each run visits most of its pages; fewer, larger runs visit them fewer
/// times once the index outgrows the page cache, while the first runs stay small so that the
/// writer starts inserting early and the last run, inserted once every line is read, stays
/// short.
///
/// The CSV import gathers the runs on its preparing thread; the writer sorts each one when it
/// receives it (it has time to spare, the preparing thread has none) and inserts it while the
/// next lines are being prepared.
///
/// ```swift
/// var runs = SearchTokenRuns()
/// if var run = runs.add(["wamytan", "#14031985"], tierID: 1) { run.sort(); try writer.insertTokens(run) }
/// if var last = runs.flush() { last.sort(); try writer.insertTokens(last) }
/// ```
struct SearchTokenRuns: Sendable {
    private let firstRunSize: Int
    private let largestRunSize: Int
    /// Rows of the run being gathered before it is handed out.
    private var runSize: Int
    private var current = SearchTokenRun()
    /// Rows handed out so far.
    private var gathered = 0

    init(firstRunSize: Int = 1 << 16, largestRunSize: Int = 1 << 19) {
        self.firstRunSize = firstRunSize
        self.largestRunSize = max(largestRunSize, firstRunSize)
        runSize = firstRunSize
    }

    /// Adds the tokens of one tier; returns a run when one is full.
    mutating func add(_ tokens: [String], tierID: Int64) -> SearchTokenRun? {
        if current.isEmpty { current = SearchTokenRun(reservingRows: runSize + 32) }
        for token in tokens { current.append(token, id: tierID) }
        guard current.count >= runSize else { return nil }
        gathered += current.count
        runSize = min(max(firstRunSize, gathered / 4), largestRunSize)
        return flush()
    }

    /// The rows gathered since the last run; nil when there are none.
    mutating func flush() -> SearchTokenRun? {
        guard !current.isEmpty else { return nil }
        defer { current = SearchTokenRun() }
        return current
    }
}
