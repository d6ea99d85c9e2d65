/// A link between two tiers: `related` is the `kind` of `tier` (see ``RelationKind``).
public struct Relation: Sendable, Equatable, Codable {
    public var tierID: Int64
    public var kind: RelationKind
    public var relatedID: Int64
    public var createdAt: String
    /// The display name of the other tier, for screens.
    public var otherName: String

    public init(tierID: Int64, kind: RelationKind, relatedID: Int64, createdAt: String, otherName: String) {
        self.tierID = tierID
        self.kind = kind
        self.relatedID = relatedID
        self.createdAt = createdAt
        self.otherName = otherName
    }
}
