/// How well a fact is verified: 0 déclaré, 1 vérifié sur pièce, 2 validé.
public enum VerificationLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    case declared = 0
    case checkedAgainstDocument = 1
    case validated = 2

    /// The French label, as on the tier's record.
    public var label: String {
        switch self {
        case .declared: return "déclaré"
        case .checkedAgainstDocument: return "vérifié sur pièce"
        case .validated: return "validé"
        }
    }

    /// A one-character mark for tables: « · » déclaré, « ✓ » vérifié, « ✔ » validé.
    public var mark: String {
        switch self {
        case .declared: return "·"
        case .checkedAgainstDocument: return "✓"
        case .validated: return "✔"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
