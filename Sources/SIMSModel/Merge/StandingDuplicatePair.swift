/// A pair of the duplicates review queue as its records stand now: a record of the pair merged
/// meanwhile (through another pair, or `guichet doublons fusionner`) is replaced by the record it
/// leads to, so that the superviseur compares, and merges, the records that still exist.
///
/// ```swift
/// let next = try DuplicateReview(store: store).standingQueue().first!
/// next.tierA, next.tierB     // 3, 6: the pair found was n° 7 and n° 6, and n° 7 is now in n° 3
/// next.redirects.first?.notice   // "Fiche n° 7 fusionnée le 03/12/2026 dans n° 3."
/// ```
public struct StandingDuplicatePair: Sendable, Equatable {
    /// The pair as the analysis filed it (its id, probability, reasons and state).
    public var pair: DuplicatePair
    /// The record on the pair's first side: `pair.tierA`, or the survivor it was merged into.
    public var tierA: Int64
    /// The record on the pair's second side: `pair.tierB`, or the survivor it was merged into.
    public var tierB: Int64
    /// The redirects of the pair's own records merged meanwhile (empty for most pairs).
    public var redirects: [TierRedirect]

    public init(pair: DuplicatePair, tierA: Int64, tierB: Int64, redirects: [TierRedirect]) {
        self.pair = pair
        self.tierA = tierA
        self.tierB = tierB
        self.redirects = redirects
    }
}
