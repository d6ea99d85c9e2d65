/// A dossier that cannot be submitted as typed: one French message per field to fix, in form order.
///
/// Nothing was written.
public struct DossierValidationFailed: Error, Equatable, Sendable, CustomStringConvertible {
    /// (field key, message), in the order of the form.
    public var errors: [FieldError]

    public struct FieldError: Equatable, Sendable {
        public var key: String
        public var message: String

        public init(key: String, message: String) {
            self.key = key
            self.message = message
        }
    }

    public init(errors: [FieldError]) { self.errors = errors }

    public var description: String { errors.map(\.message).joined(separator: "\n") }
}
