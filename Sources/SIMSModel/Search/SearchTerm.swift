/// One term of a search query, as understood by ``SearchQuery``.
public enum SearchTerm: Sendable, Equatable {
    /// A folded name word or word prefix.
    case name(String)
    /// Digits of an identifier or date (jjmmaaaa), matched as a prefix of `#` tokens.
    case identifier(String)
    /// A four-digit year, matched against birth dates only.
    case year(String)
    /// An e-mail address or its beginning.
    case email(String)
}
