/// An action refused by the review workflow, with the French reason: the state does not allow
/// it, the agent's role does not, or the four-eyes rule.
public struct WorkflowRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
