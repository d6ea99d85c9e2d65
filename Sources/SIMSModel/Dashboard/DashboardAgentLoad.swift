/// The open dossiers of one agent, or of nobody (« non attribués »).
public struct DashboardAgentLoad: Sendable, Equatable {
    /// The agent's id; nil for the dossiers nobody has taken.
    public var agentID: Int64?
    /// The agent's full name, or « non attribués ».
    public var name: String
    /// Open dossiers per state.
    public var counts: [DossierState: Int]

    /// The name shown for the dossiers nobody has taken.
    public static let unassignedName = "non attribués"

    public init(agentID: Int64?, name: String, counts: [DossierState: Int]) {
        self.agentID = agentID
        self.name = name
        self.counts = counts
    }

    /// The number of the agent's dossiers in `state`.
    public func count(_ state: DossierState) -> Int { counts[state] ?? 0 }

    /// All the agent's open dossiers.
    public var total: Int { counts.values.reduce(0, +) }
}
