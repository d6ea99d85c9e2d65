/// Whether two words are at most one edit apart (Damerau: a swap of neighbours counts as one).
enum EditDistance {
    static func isWithinOne(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        let x = Array(a.utf8), y = Array(b.utf8)
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            var diffs: [Int] = []
            for i in 0..<x.count where x[i] != y[i] {
                diffs.append(i)
                if diffs.count > 2 { return false }
            }
            if diffs.count == 1 { return true }
            return diffs.count == 2 && diffs[1] == diffs[0] + 1 && x[diffs[0]] == y[diffs[1]] && x[diffs[1]] == y[diffs[0]]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        var i = 0, j = 0, skipped = false
        while i < long.count, j < short.count {
            if long[i] == short[j] { i += 1; j += 1; continue }
            if skipped { return false }
            skipped = true
            i += 1
        }
        return true
    }
}
