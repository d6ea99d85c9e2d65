/// Whether two words are at most one edit apart (Damerau: a swap of neighbours counts as one).
enum EditDistance {
    static func isWithinOne(_ a: String, _ b: String) -> Bool {
        isWithinOne(a.utf8, b.utf8)
    }

    /// The same on UTF-8 bytes.
    static func isWithinOne<A: Collection<UInt8>, B: Collection<UInt8>>(_ a: A, _ b: B) -> Bool {
        if abs(a.count - b.count) > 1 { return false }
        if a.elementsEqual(b) { return true }
        let x = Array(a), y = Array(b)
        if x.count == y.count {
            var first = -1, second = -1
            for i in 0..<x.count where x[i] != y[i] {
                if first < 0 { first = i } else if second < 0 { second = i } else { return false }
            }
            if second < 0 { return true }
            return second == first + 1 && x[first] == y[second] && x[second] == y[first]
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
