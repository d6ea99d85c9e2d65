import SIMSModel
/// One fictional tier produced by ``DemoPopulation``, ready to be imported into a store.
///
/// `localID` numbers the tiers 1, 2, 3... in generation order; ``relations`` only ever point to
/// tiers with a smaller `localID`, so a store can import the sequence in one pass.
/// Every value is in its canonical stored form (ISO dates, 6-digit phones, `0123456.001` RIDET...).
///
/// ```swift
/// for tier in DemoPopulation(count: 3, seed: 42) {
///     print(tier.localID, tier.kind, tier.values[.birthName] ?? tier.values[.companyName] ?? "")
/// }
/// ```
public struct DemoTier: Sendable, Equatable {
    /// The position of the tier in the generated sequence, starting at 1.
    public var localID: Int
    /// Whether the tier is a person or an organisation.
    public var kind: TierKind
    /// The tier's field values, only for fields that apply to ``kind``.
    public var values: [TierField: String]
    /// The tier's relations to earlier tiers of the same population.
    public var relations: [DemoRelation]

    /// Creates a tier from its parts.
    public init(localID: Int, kind: TierKind, values: [TierField: String], relations: [DemoRelation] = []) {
        self.localID = localID
        self.kind = kind
        self.values = values
        self.relations = relations
    }
}
