/// A tier could not be saved because some of its values are invalid.
public struct TierValidationFailed: Error, Equatable, Sendable, CustomStringConvertible {
    public var errors: [ValidationError]

    public var description: String { errors.map(\.message).joined(separator: "\n") }
}
