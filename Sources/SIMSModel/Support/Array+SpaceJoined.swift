extension Array where Element == String {
    /// The words joined by single spaces, written once into the result's storage: the import
    /// joins the name words and tokens of every tier, where `joined(separator:)` grows its
    /// result a piece at a time.
    ///
    /// ```swift
    /// ["petelo", "fotofili"].spaceJoined()   // "petelo fotofili"
    /// ```
    func spaceJoined() -> String {
        guard count > 1 else { return first ?? "" }
        var length = count - 1
        for word in self { length += word.utf8.count }
        return String(unsafeUninitializedCapacity: length) { out in
            var i = 0
            for var word in self {
                if i > 0 { out[i] = 0x20; i += 1 }
                word.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: out[i...]).initialize(fromContentsOf: bytes)
                    i += bytes.count
                }
            }
            return i
        }
    }
}
