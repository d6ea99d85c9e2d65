/// The rows of several sorted runs (``SearchTokenRun``) as one stream in the key's order, read in
/// place: the CSV import holds the runs of a whole file and inserts them in one pass, so that
/// each row lands right after the previous one in the `search_token` B-tree (SQLite then appends
/// instead of searching the tree for every row and splitting pages all over it).
///
/// A binary heap holds the run of each next row; a row is compared on its first eight bytes as
/// one integer, then `memcmp` (``SearchTokenRun/precedes(_:in:_:in:)``).
///
/// ```swift
/// try SearchTokenRunMerge.forEachBatch(of: runs, batch: 4096) { rows in
///     for row in rows { print(row.length, row.id) }   // in key order across the runs
/// }
/// ```
enum SearchTokenRunMerge {
    /// One row of the stream: its token's bytes, in place in its run, and its tier.
    struct Row {
        var token: UnsafePointer<UInt8>
        var length: Int32
        var id: Int64
    }

    /// Calls `body` with the rows of `runs` (each sorted) in the key's order, `batch` rows at a
    /// time at most. The rows point into the runs: they are valid during the call only.
    static func forEachBatch(of runs: [SearchTokenRun], batch: Int,
                             _ body: (UnsafeBufferPointer<Row>) throws -> Void) throws {
        let runs = runs.filter { !$0.isEmpty }
        guard !runs.isEmpty else { return }
        try withBuffers(of: runs, bytes: [], entries: []) { bytes, entries in
            // heap[0] is the run whose next row comes first; next[r] is run r's next row.
            var next = [Int](repeating: 0, count: runs.count)
            var heap = Array(runs.indices)
            func precedes(_ r: Int, _ s: Int) -> Bool {
                SearchTokenRun.precedes(entries[r][next[r]], in: bytes[r], entries[s][next[s]], in: bytes[s])
            }
            func siftDown(_ start: Int) {
                var i = start
                while true {
                    let left = 2 * i + 1, right = left + 1
                    var first = i
                    if left < heap.count, precedes(heap[left], heap[first]) { first = left }
                    if right < heap.count, precedes(heap[right], heap[first]) { first = right }
                    if first == i { return }
                    heap.swapAt(i, first)
                    i = first
                }
            }
            for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
            var rows: [Row] = []
            rows.reserveCapacity(batch)
            while let r = heap.first {
                let entry = entries[r][next[r]]
                rows.append(Row(token: bytes[r] + Int(entry.offset), length: Int32(entry.length), id: entry.id))
                next[r] += 1
                if next[r] == entries[r].count {
                    heap.swapAt(0, heap.count - 1)
                    heap.removeLast()
                }
                if !heap.isEmpty { siftDown(0) }
                if rows.count == batch || heap.isEmpty {
                    try rows.withUnsafeBufferPointer(body)
                    rows.removeAll(keepingCapacity: true)
                }
            }
        }
    }

    /// Calls `body` with every run's token buffer and rows, each valid for the whole call.
    private static func withBuffers<R>(
        of runs: [SearchTokenRun], bytes: [UnsafePointer<UInt8>], entries: [UnsafeBufferPointer<SearchTokenRun.Entry>],
        _ body: ([UnsafePointer<UInt8>], [UnsafeBufferPointer<SearchTokenRun.Entry>]) throws -> R
    ) throws -> R {
        guard bytes.count < runs.count else { return try body(bytes, entries) }
        return try runs[bytes.count].withRows { runBytes, runEntries in
            // A run that is not empty has a token of one byte at least.
            try withBuffers(of: runs, bytes: bytes + [runBytes.baseAddress!], entries: entries + [runEntries], body)
        }
    }
}
