/// Placing a text that may be longer than a line: wrapped at spaces on up to `maxLines` lines,
/// the last one ending with « … » if more was left, so a message never loses its end unseen.
///
/// ```swift
/// let used = buffer.putWrapped("✗ " + problem, x: 1, y: 20, width: 78, maxLines: 2, style: theme.error)
/// ```
extension CellBuffer {
    /// The lines `text` takes at `width` columns, at most `maxLines` (the last one ending with
    /// « … » when the text goes on).
    static func wrappedLines(_ text: String, width: Int, maxLines: Int) -> [String] {
        let all = WrappedText.lines(text, width: width)
        guard all.count > maxLines, maxLines > 0 else { return all }
        var kept = Array(all.prefix(maxLines))
        // The rest joined to the last kept line: `put` ends it with « … ».
        kept[maxLines - 1] = ([kept[maxLines - 1]] + all.dropFirst(maxLines)).joined(separator: " ")
        return kept
    }

    /// Writes `text` from row `y` on, wrapped at `width` columns on up to `maxLines` rows; returns
    /// the number of rows written.
    @discardableResult
    mutating func putWrapped(_ text: String, x: Int, y: Int, width: Int, maxLines: Int = 2, style: CellStyle = .plain) -> Int {
        let lines = Self.wrappedLines(text, width: width, maxLines: maxLines)
        for (index, line) in lines.enumerated() {
            put(line, x: x, y: y + index, style: style, maxWidth: width)
        }
        return lines.count
    }
}
