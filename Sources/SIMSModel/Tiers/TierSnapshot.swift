/// The current view of a tier, derived from its facts, with its full history.
public struct TierSnapshot: Sendable, Equatable {
    public var id: Int64
    public var kind: TierKind
    /// The version to quote when updating (optimistic concurrency).
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
    /// Every fact ever recorded, oldest first.
    public var history: [Fact]
    /// Relations where this tier is the subject (its représentant légal, its gérant...).
    public var relations: [Relation]
    /// Relations where this tier is the related one (the minors it represents, the companies it manages).
    public var inverseRelations: [Relation]

    /// The current fact of each field: the newest one. Erased fields are absent.
    public var current: [TierField: Fact] {
        var result: [TierField: Fact] = [:]
        for fact in history { result[fact.field] = fact }
        return result.filter { $0.value.value != nil }
    }

    /// The current value of a field, in stored form.
    public func value(_ field: TierField) -> String? { current[field]?.value }

    /// The history of one field, newest first.
    public func history(of field: TierField) -> [Fact] {
        history.filter { $0.field == field }.reversed()
    }

    /// The name shown in lists: « WAMYTAN Hélène » or the raison sociale.
    public var displayName: String {
        TierDisplay.name(kind: kind, values: current.compactMapValues(\.value))
    }
}
