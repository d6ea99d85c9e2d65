/// The `(token, tier id)` rows of many tiers, gathered and handed out in sorted runs, so that
/// the `search_token` B-tree is filled a run at a time in key order (each insert lands next to
/// the previous one) rather than in tier order, and no SQLite sort is needed.
///
/// The CSV import sorts each run on its preparing thread and the writer inserts it while the
/// next lines are being prepared.
///
/// ```swift
/// var runs = SearchTokenRuns()
/// if let run = runs.add(["wamytan", "#14031985"], tierID: 1) { try writer.insertTokens(run) }
/// if let last = runs.flush() { try writer.insertTokens(last) }
/// ```
struct SearchTokenRuns: Sendable {
    /// One index row.
    struct Entry: Comparable, Sendable {
        var token: String
        var id: Int64
        static func < (a: Entry, b: Entry) -> Bool {
            a.token == b.token ? a.id < b.id : a.token < b.token
        }
    }

    /// Rows per run.
    private let runSize: Int
    private var current: [Entry] = []

    init(runSize: Int = 1 << 16) {
        self.runSize = runSize
    }

    /// Adds the tokens of one tier; returns a sorted run when one is full.
    mutating func add(_ tokens: [String], tierID: Int64) -> [Entry]? {
        if current.isEmpty { current.reserveCapacity(runSize + 32) }
        for token in tokens { current.append(Entry(token: token, id: tierID)) }
        return current.count >= runSize ? flush() : nil
    }

    /// The rows gathered since the last run, sorted; nil when there are none.
    mutating func flush() -> [Entry]? {
        guard !current.isEmpty else { return nil }
        var run = current
        current = []
        run.sort()
        return run
    }
}
