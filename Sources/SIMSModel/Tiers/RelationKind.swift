/// How one tier stands to another.
///
/// A relation reads « `related` is the `kind` of `tier` »: the relation
/// `(tier: child, kind: .legalRepresentative, related: mother)` says that the mother is the
/// child's représentant légal; `(tier: company, kind: .manager, related: person)` says that
/// the person is the company's gérant.
public enum RelationKind: String, Codable, Sendable, CaseIterable {
    case legalRepresentative = "representant_legal"
    case parent = "parent"
    case manager = "gerant"

    /// The French label of the related tier's role, e.g. « Représentant légal ».
    public var label: String {
        switch self {
        case .legalRepresentative: return "Représentant légal"
        case .parent: return "Parent"
        case .manager: return "Gérant"
        }
    }

    /// The French label seen from the related tier, e.g. « Mineur représenté ».
    public var inverseLabel: String {
        switch self {
        case .legalRepresentative: return "Mineur représenté"
        case .parent: return "Enfant"
        case .manager: return "Société gérée"
        }
    }
}
