/// The outcome of checking all the fields of a tier: the canonical values and the errors.
///
/// ```swift
/// let result = TierValidator.validate(kind: .person, values: typed, today: today)
/// if result.isValid { save(result.normalized) } else { show(result.errors) }
/// ```
public struct TierValidation: Equatable, Sendable {
    /// The canonical value of each field that applies to the tier's kind, was filled in and is
    /// valid.
    public var normalized: [TierField: String]
    /// The problems found, in ``TierField`` order.
    public var errors: [ValidationError]

    public init(normalized: [TierField: String] = [:], errors: [ValidationError] = []) {
        self.normalized = normalized
        self.errors = errors
    }

    /// Whether no problem was found.
    public var isValid: Bool { errors.isEmpty }

    /// The problems about one field.
    public func errors(for field: TierField) -> [ValidationError] {
        errors.filter { $0.field == field }
    }
}
