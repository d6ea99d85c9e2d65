/// A verification or validation of facts that cannot be made, with the French reason and what
/// to do instead. Nothing was written.
public struct VerificationRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
