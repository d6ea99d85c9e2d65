/// The tiers a search still considers, by ascending id, with how many terms each matches and the
/// sum of its index qualities (as ``TermPosting`` codes), for ``TierSearch``.
///
/// ```swift
/// var candidates = SearchCandidates(driver.sorted)
/// candidates.intersect(other.sorted)
/// candidates.best(60)   // the 60 best by index quality, to be scored on their stored words
/// ```
struct SearchCandidates {
    private var ids: [Int64] = []
    private var totals: [Int] = []
    private var matched: [Int] = []

    var count: Int { ids.count }
    var isEmpty: Bool { ids.isEmpty }

    /// The tiers of one term (entries sorted by id, one per tier).
    init(_ sorted: [UInt64]) {
        ids.reserveCapacity(sorted.count)
        totals.reserveCapacity(sorted.count)
        for entry in sorted {
            ids.append(Int64(entry >> 8))
            totals.append(Int(entry & 0xFF))
        }
        matched = Array(repeating: 1, count: ids.count)
    }

    /// Tiers (ascending ids) that each match `matched` terms with the same summed quality code.
    init(ids: [Int64], quality: Int, matched: Int) {
        self.ids = ids
        totals = Array(repeating: quality, count: ids.count)
        self.matched = Array(repeating: matched, count: ids.count)
    }

    /// The tiers matching any of the terms, each with the number of terms it matches.
    init(union lists: [[UInt64]]) {
        var all = lists.flatMap { $0 }
        all.sort()
        for entry in all {
            let id = Int64(entry >> 8)
            if ids.last == id {
                totals[totals.count - 1] += Int(entry & 0xFF)
                matched[matched.count - 1] += 1
            } else {
                ids.append(id)
                totals.append(Int(entry & 0xFF))
                matched.append(1)
            }
        }
    }

    /// Keeps the tiers that are also in `sorted` (entries sorted by id), adding their quality.
    mutating func intersect(_ sorted: [UInt64]) {
        var keep = 0
        var j = 0
        for i in ids.indices {
            let id = UInt64(ids[i])
            while j < sorted.count, sorted[j] >> 8 < id { j += 1 }
            guard j < sorted.count else { break }
            if sorted[j] >> 8 == id {
                ids[keep] = ids[i]
                totals[keep] = totals[i] + Int(sorted[j] & 0xFF)
                matched[keep] = matched[i] + 1
                keep += 1
            }
        }
        truncate(to: keep)
    }

    /// Keeps the tiers that the index says match `posting`'s term, adding their quality.
    mutating func probe(_ posting: TermPosting, index: any SearchTokenIndex) {
        var keep = 0
        for i in ids.indices {
            guard let code = posting.probe(ids[i], index: index) else { continue }
            ids[keep] = ids[i]
            totals[keep] = totals[i] + Int(code)
            matched[keep] = matched[i] + 1
            keep += 1
        }
        truncate(to: keep)
    }

    private mutating func truncate(to count: Int) {
        ids.removeLast(ids.count - count)
        totals.removeLast(totals.count - count)
        matched.removeLast(matched.count - count)
    }

    /// At most `n` candidates, the ones matching most terms with the highest quality first
    /// (lowest ids among equals), with their quality.
    func best(_ n: Int) -> [(id: Int64, quality: Double)] {
        func key(_ i: Int) -> Int { min(matched[i], 7) << 12 | min(totals[i], 4095) }
        var take = Array(repeating: false, count: ids.count)
        if ids.count <= n {
            take = Array(repeating: true, count: ids.count)
        } else {
            var histogram = Array(repeating: 0, count: 8 << 12)
            for i in ids.indices { histogram[key(i)] += 1 }
            var threshold = histogram.count - 1
            var above = 0
            while threshold > 0, above + histogram[threshold] < n {
                above += histogram[threshold]
                threshold -= 1
            }
            var atThreshold = n - above
            for i in ids.indices {
                let k = key(i)
                if k > threshold {
                    take[i] = true
                } else if k == threshold, atThreshold > 0 {
                    take[i] = true
                    atThreshold -= 1
                }
            }
        }
        var result: [(id: Int64, quality: Double)] = []
        result.reserveCapacity(min(n, ids.count))
        for i in ids.indices where take[i] {
            result.append((ids[i], Double(totals[i]) / 16))
        }
        return result
    }
}
