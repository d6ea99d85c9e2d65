/// Edit distances between words (Damerau, restricted: a swap of neighbours counts as one edit).
enum EditDistance {
    static func isWithinOne(_ a: String, _ b: String) -> Bool {
        isWithinOne(a.utf8, b.utf8)
    }

    /// How many edits a name word of `length` letters forgives: one from 3 letters, two from 8.
    static func forgiven(length: Int) -> Int {
        length >= 8 ? 2 : length >= 3 ? 1 : 0
    }

    /// The number of edits (insertion, deletion, substitution, swap of neighbours) between `a`
    /// and `b`, or `limit + 1` when it is more than `limit`.
    ///
    /// ```swift
    /// EditDistance.distance(Array("ahce".utf8), Array("hace".utf8), limit: 2)   // 1
    /// ```
    static func distance<A: Collection, B: Collection>(_ a: A, _ b: B, limit: Int) -> Int
    where A.Element: Equatable, A.Element == B.Element {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty || y.isEmpty { return min(max(x.count, y.count), limit + 1) }
        let width = y.count + 1
        var before = [Int](repeating: 0, count: width)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...x.count {
            current[0] = i
            var rowBest = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return limit + 1 }
            (before, previous, current) = (previous, current, before)
        }
        return min(previous[y.count], limit + 1)
    }

    /// The number of edits between two words' characters, or `limit + 1` when it is more than `limit`.
    ///
    /// ```swift
    /// EditDistance.distance("Nouema", "Nouméa", limit: 2)   // 1
    /// ```
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        distance(Array(a), Array(b), limit: limit)
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
