/// A value an agent typed that cannot be accepted, with a French message that names the field
/// and says what to fix.
public struct ValidationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field concerned, when the error is about one field.
    public var field: TierField?
    /// The French message shown to the agent, e.g. « Date de naissance : le 31/02/2001 n'existe pas. »
    public var message: String

    public init(field: TierField?, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}
