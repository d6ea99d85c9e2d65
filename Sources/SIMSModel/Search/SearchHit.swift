/// One tier found by a search, with what a results table shows.
public struct SearchHit: Sendable, Equatable, Encodable {
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

extension SearchHit {
    /// What `guichet search --json` prints: every field, but a restricted tier's hit carries its
    /// number, kind and name alone (with the merge that led to it), marked `restricted`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tierID, forKey: .tierID)
        try container.encode(kind, forKey: .kind)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(restricted, forKey: .restricted)
        try container.encodeIfPresent(redirect, forKey: .redirect)
        guard !restricted else { return }
        try container.encodeIfPresent(birthDate, forKey: .birthDate)
        try container.encodeIfPresent(ridet, forKey: .ridet)
        try container.encodeIfPresent(commune, forKey: .commune)
        try container.encodeIfPresent(cafat, forKey: .cafat)
        try container.encodeIfPresent(phone, forKey: .phone)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encode(minLevel, forKey: .minLevel)
        try container.encode(score, forKey: .score)
        try container.encode(matchesAllTerms, forKey: .matchesAllTerms)
    }

    private enum CodingKeys: String, CodingKey {
        case tierID, kind, displayName, birthDate, ridet, commune, cafat, phone, email, minLevel, score, matchesAllTerms,
             restricted, redirect
    }
}
