import SIMSModel
/// A relation from one ``DemoTier`` to an earlier tier of the same population.
///
/// It reads « tier `relatedLocalID` is the `kind` of this tier », like ``RelationKind``:
/// on a child, `DemoRelation(kind: .legalRepresentative, relatedLocalID: 12)` says that tier 12
/// is the child's représentant légal; on a company, `.manager` names its gérant.
public struct DemoRelation: Sendable, Equatable {
    /// What the related tier is to this tier.
    public var kind: RelationKind
    /// The `localID` of the related tier, always smaller than this tier's own.
    public var relatedLocalID: Int

    /// Creates a relation to the tier numbered `relatedLocalID`.
    public init(kind: RelationKind, relatedLocalID: Int) {
        self.kind = kind
        self.relatedLocalID = relatedLocalID
    }
}
