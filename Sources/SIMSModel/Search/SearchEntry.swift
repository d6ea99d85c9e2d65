/// What the index holds for one tier (see ``SearchTokenizer``).
public struct SearchEntry: Sendable, Equatable {
    /// The folded name words in display order (given names, birth name, usage name).
    public var foldedNames: [String]
    /// Every distinct token: folded words, phonetic keys, identifiers.
    public var tokens: [String]

    /// The name words that feed the typo vocabulary (letters only, at least 3 characters).
    public var vocabulary: [String] {
        var words: [String] = []
        for name in foldedNames where name.utf8.count >= 3 && !words.contains(name) && name.count >= 3 {
            words.append(name)
        }
        return words
    }
}
