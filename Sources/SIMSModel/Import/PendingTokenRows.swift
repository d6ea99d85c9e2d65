/// The runs of index rows the import's writer has received and not inserted yet, taken a
/// slice at a time: the writer inserts some after each chunk of tiers and more whenever the
/// preparing thread has nothing ready, so that a large run never stalls the tiers behind it (nor,
/// through the full pipe, the preparing thread) and the writer is never idle while rows wait.
///
/// Each run is sorted as it is received (on the writer's thread, which has time to spare while
/// the preparing thread has none) and its rows inserted in that order, runs in the order
/// received.
///
/// ```swift
/// var pending = PendingTokenRows()
/// pending.append(run)
/// try pending.insert(upTo: 4096, with: writer)
/// try pending.insert(upTo: .max, with: writer)   // the rest
/// ```
struct PendingTokenRows {
    private var runs: [SearchTokenRun] = []
    /// The first row of `runs[0]` not inserted yet.
    private var next = 0

    var isEmpty: Bool { runs.isEmpty }

    mutating func append(_ run: SearchTokenRun) {
        guard !run.isEmpty else { return }
        var run = run
        run.sort()
        runs.append(run)
    }

    /// Inserts the next `limit` rows at most.
    mutating func insert(upTo limit: Int, with writer: BulkTierWriter) throws {
        var left = limit
        while left > 0, let run = runs.first {
            let end = next + min(run.count - next, left)
            try writer.insertTokens(run, rows: next..<end)
            left -= end - next
            next = end
            if next == run.count {
                runs.removeFirst()
                next = 0
            }
        }
    }
}
