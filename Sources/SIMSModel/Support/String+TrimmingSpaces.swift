extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux, which costs more
    /// than the rest of a CSV line's validation; this one only looks at the ends.
    func trimmingSpaces() -> String {
        // Most values have nothing to trim: their first and last bytes are not a space, a tab
        // or the lead byte of a no-break space (0xC2 0xA0).
        let whole = String(self)
        if let head = whole.utf8.first, let tail = whole.utf8.last,
           head != 0x20, head != 0x09, head != 0xC2, tail != 0x20, tail != 0x09, tail != 0xA0 {
            return whole
        }
        guard let first = firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" }) else { return "" }
        let last = lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\u{A0}" })!
        return String(self[first...last])
    }
}
