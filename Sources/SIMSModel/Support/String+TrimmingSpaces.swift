extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux, which costs more
    /// than the rest of a CSV line's validation; this one only looks at the ends.
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" })!
        return String(self[first...last])
    }
}
