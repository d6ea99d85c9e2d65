/// Whose dossiers a queue shows.
public enum QueueAssignee: Sendable, Equatable, Hashable {
    case anyone
    /// Dossiers nobody has taken yet.
    case unassigned
    /// The dossiers of one agent.
    case agent(Int64)
}
