/// The lowest tier ids that have every typed word itself as a token, found by stepping the
/// words' index entries side by side (skipping ahead with a seek where one word is rarer), for
/// ``TierSearch``: two common names typed without a date (« andre marie ») need only the first
/// few dozen tiers that have both, not the tens of thousands that have either.
///
/// The result is the same as reading every word whole and intersecting: tiers that have every
/// typed word itself rank first by index quality, and among equals the lowest ids are scored
/// (see ``SearchCandidates/best(_:)``).
///
/// ```swift
/// let ids = ExactTokenIntersection.lowest(["andre", "marie"], from: [], want: 61, index: index)
/// ```
enum ExactTokenIntersection {
    /// One word's index entries, read a chunk at a time from a given id on.
    private struct Cursor {
        let token: String
        var ids: [Int64]
        var position = 0
        /// The last id read from the index.
        var last: Int64
        var exhausted = false

        /// The first id of the word at or after `target`; nil when the word has no more.
        mutating func seek(_ target: Int64, index: any SearchTokenIndex) -> Int64? {
            while true {
                while position < ids.count, ids[position] < target { position += 1 }
                if position < ids.count { return ids[position] }
                if exhausted { return nil }
                var raw: [UInt64] = []
                let from = max(last, target - 1)
                let (read, more) = index.appendPosting(of: token, after: from, limit: ExactTokenIntersection.chunk, code: 0,
                                                       to: &raw)
                ids = raw.map { Int64($0 >> 8) }
                position = 0
                last = raw.isEmpty ? from : read
                exhausted = !more
            }
        }
    }

    /// How many entries one index read brings.
    static let chunk = 512

    /// The `want` lowest ids that have every token of `words` (each with the ids already read
    /// from its start, ascending, up to `lastIDs`), or nil when fewer tiers have them all.
    static func lowest(_ words: [(token: String, readIDs: [Int64], lastID: Int64)], want: Int,
                       index: any SearchTokenIndex) -> [Int64]? {
        var cursors = words.map { Cursor(token: $0.token, ids: $0.readIDs, last: $0.lastID) }
        var found: [Int64] = []
        var target: Int64 = 1
        search: while found.count < want {
            var agreed = true
            for i in cursors.indices {
                guard let id = cursors[i].seek(target, index: index) else { break search }
                if id != target {
                    target = id
                    agreed = false
                    break
                }
            }
            if agreed {
                found.append(target)
                target += 1
            }
        }
        return found.count == want ? found : nil
    }

    /// Whether stepping the words side by side is likely to find `want` tiers early: the tiers
    /// that have every word below the lowest of the words' last ids read are at least 8 (a
    /// sample worth trusting) and, scaled to `maxID`, at least 4 × `want`. Otherwise the words
    /// seldom meet, and stepping would read nearly as much as reading them whole, then in vain.
    static func worthStepping(_ words: [(token: String, readIDs: [Int64], lastID: Int64)], want: Int, maxID: Int64) -> Bool {
        guard let range = words.map(\.lastID).min(), range > 0 else { return false }
        var common = Set(words[0].readIDs.filter { $0 <= range })
        for word in words.dropFirst() { common.formIntersection(word.readIDs) }
        return common.count >= 8 && Double(common.count) * Double(maxID) / Double(range) >= Double(4 * want)
    }
}
