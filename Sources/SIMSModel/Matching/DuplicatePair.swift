import Foundation

/// One pair of the duplicates review queue: two tiers (`tierA` < `tierB`) the match score holds
/// for one person, why, and what a superviseur decided.
public struct DuplicatePair: Sendable, Equatable {
    public var id: Int64
    public var tierA: Int64
    public var tierB: Int64
    public var probability: Double
    /// Why, in French, strongest first (``MatchScore/reasons``).
    public var reasons: [String]
    public var state: DuplicatePairState
    /// The two records' ``MatchRecord/signature`` when the pair was found or decided: « a/b ».
    public var signature: String
    public var foundAt: String
    public var decidedBy: Int64?
    /// The login of the agent who decided, when read with it.
    public var decidedByLogin: String?
    public var decidedAt: String?

    static let selectSQL = """
        SELECT p.id, p.tier_a, p.tier_b, p.probability, p.reasons, p.state, p.signature, p.found_at, p.decided_by,
               a.login, p.decided_at
        FROM duplicate_pair p LEFT JOIN agent a ON a.id = p.decided_by
        """

    init(row: StoreRow) {
        id = row[0]
        tierA = row[1]
        tierB = row[2]
        probability = row[3]
        reasons = Self.decodeReasons(row[4])
        state = DuplicatePairState(rawValue: row[5]) ?? .toReview
        signature = row[6]
        foundAt = row[7]
        decidedBy = row[8]
        decidedByLogin = row[9]
        decidedAt = row[10]
    }

    /// Reasons are kept one per line.
    static func encodeReasons(_ reasons: [String]) -> String { reasons.joined(separator: "\n") }
    static func decodeReasons(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: "\n") }
}
