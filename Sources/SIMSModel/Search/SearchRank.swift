/// How well one tier matches a query, in the order results are ranked (see ``precedes(_:)``):
/// more query words matched; then more of them matched as whole words (« pierre » is Pierre, not
/// a prefix of Pierrette); then closer spellings (same sound before a prefix, before a slip;
/// among them the nearer in letters); then fewer of the tier's name words left unmatched (WAKIÉ Pierre
/// before WAKIÉ Jean-Pierre, WAMYTAN Nadège before « WAIA née WAMYTAN Nadège Germaine »); then
/// names matched earlier in the tier's names (its first given name before later ones); then a
/// higher verification level; then the score of ``SearchScorer``.
///
/// ```swift
/// let pierre = SearchRank(matched: 2, wholeWords: 2, unmatchedNames: 0, namePositions: 1, total: 8)
/// let jeanPierre = SearchRank(matched: 2, wholeWords: 2, unmatchedNames: 1, namePositions: 3, total: 8)
/// pierre.precedes(jeanPierre)   // true
/// ```
struct SearchRank: Sendable, Equatable {
    /// Query terms the tier matches.
    var matched: Int
    /// Name terms equal to one of the tier's name words (or its joined surname).
    var wholeWords: Int
    /// The sum of the terms' closeness: 4 a whole word, 3 to 3.5 the same sound, 2 a prefix,
    /// 1 a slip keeping the first letter, 0.9 a prefix of a joined name, 0.8 a prefix of a
    /// sound, down to 0.375 a slip changing the first letter.
    var closeness: Double = 0
    /// The tier's name words that no term matched.
    var unmatchedNames: Int
    /// The sum of the positions, in the tier's names (given names first), of the words matched.
    var namePositions: Int
    /// The verification level of the tier (its lowest current fact), filled in by the search.
    var level: Int = 0
    /// The sum of the terms' qualities (see ``SearchScorer``).
    var total: Double

    /// Whether this tier ranks before `other`.
    func precedes(_ other: SearchRank) -> Bool {
        if matched != other.matched { return matched > other.matched }
        if wholeWords != other.wholeWords { return wholeWords > other.wholeWords }
        if closeness != other.closeness { return closeness > other.closeness }
        if unmatchedNames != other.unmatchedNames { return unmatchedNames < other.unmatchedNames }
        if namePositions != other.namePositions { return namePositions < other.namePositions }
        if level != other.level { return level > other.level }
        return total > other.total
    }
}
