import Foundation

/// A text folded for search (``SearchText``), remembering where each folded character came from.
struct FoldedText: Sendable {
    let original: [Unicode.Scalar]
    /// The folded text, one scalar at a time.
    let foldedScalars: [Unicode.Scalar]
    /// For each folded scalar, the index of the scalar of ``original`` it came from.
    let origin: [Int32]

    init(_ text: String) {
        original = Array(text.unicodeScalars)
        var scalars: [Unicode.Scalar] = []
        var origin: [Int32] = []
        scalars.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        var one = String.UnicodeScalarView()
        for (index, scalar) in original.enumerated() {
            one.removeAll(keepingCapacity: true)
            SearchText.appendFolded(scalar, to: &one)
            for folded in one {
                scalars.append(folded)
                origin.append(Int32(index))
            }
        }
        foldedScalars = scalars
        self.origin = origin
    }

    /// The folded offset of the first occurrence of a folded word.
    func firstOffset(of word: String) -> Int? {
        let needle = Array(word.unicodeScalars)
        guard !needle.isEmpty, needle.count <= foldedScalars.count else { return nil }
        let first = needle[0]
        var start = 0
        let last = foldedScalars.count - needle.count
        while start <= last {
            if foldedScalars[start] == first {
                var matched = true
                for k in 1..<needle.count where foldedScalars[start + k] != needle[k] {
                    matched = false
                    break
                }
                if matched { return start }
            }
            start += 1
        }
        return nil
    }

    /// About `width` characters of the original text around a folded match, on one line, with
    /// « … » where it was cut.
    func excerpt(at offset: Int, length: Int, width: Int) -> String {
        guard !original.isEmpty else { return "" }
        let matchStart = offset < origin.count ? Int(origin[offset]) : 0
        let matchEnd = min(offset + max(length, 1) - 1, origin.count - 1)
        let end0 = matchEnd >= 0 && matchEnd < origin.count ? Int(origin[matchEnd]) + 1 : matchStart
        let before = length == 0 ? 0 : width / 3
        var start = max(matchStart - before, 0)
        // Start at a word's beginning when one is near.
        if start > 0 {
            var probe = start
            while probe < matchStart, probe - start < 12, !Self.isSpace(original[probe - 1]) { probe += 1 }
            if probe < matchStart { start = probe }
        }
        let end = min(max(start + width, end0), original.count)
        var text = ""
        var lastWasSpace = false
        for scalar in original[start..<end] {
            if Self.isSpace(scalar) {
                if !lastWasSpace, !text.isEmpty { text.unicodeScalars.append(" ") }
                lastWasSpace = true
            } else {
                text.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        text = text.trimmingCharacters(in: .whitespaces)
        return (start > 0 ? "…" : "") + text + (end < original.count ? "…" : "")
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }
}
