public struct DemoRelation: Sendable, Equatable { public var kind: RelationKind; public var relatedLocalID: Int }
public struct DemoTier: Sendable, Equatable { public var localID: Int; public var kind: TierKind; public var values: [TierField: String]; public var relations: [DemoRelation] }
public struct DemoPopulation: Sequence { public init(count: Int, seed: UInt64) {}; public func makeIterator() -> IndexingIterator<[DemoTier]> { [].makeIterator() } }
