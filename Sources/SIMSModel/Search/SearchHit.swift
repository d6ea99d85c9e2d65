/// One tier found by a search, with what a results table shows.
public struct SearchHit: Sendable, Equatable, Codable {
    public var tierID: Int64
    public var kind: TierKind
    public var displayName: String
    /// Stored ISO birth date (persons).
    public var birthDate: String?
    public var ridet: String?
    public var commune: String?
    public var cafat: String?
    public var phone: String?
    public var email: String?
    /// The lowest verification level of the tier's current facts.
    public var minLevel: VerificationLevel
    /// The ranking score (higher is better).
    public var score: Double
    /// Whether the tier matches every word of the query; false for the « closest » results shown
    /// when nothing matches them all.
    public var matchesAllTerms: Bool = true
    /// Whether the tier's processing is restricted (RGPD « limitation »): the hit then holds its
    /// name only; its data is shown by opening it with a motif.
    public var restricted: Bool = false
    /// The record asked for by its number (« n° 12 ») when a merge absorbed it: the hit is its survivor.
    public var redirect: TierRedirect? = nil
}
