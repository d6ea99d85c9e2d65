/// An internal note on a dossier: written by agents for agents, never shown to the citizen.
public struct DossierNote: Sendable, Equatable {
    public var id: Int64
    public var dossierID: Int64
    public var agentID: Int64
    public var agentName: String
    /// The stored instant.
    public var createdAt: String
    public var text: String

    public init(id: Int64, dossierID: Int64, agentID: Int64, agentName: String, createdAt: String, text: String) {
        self.id = id
        self.dossierID = dossierID
        self.agentID = agentID
        self.agentName = agentName
        self.createdAt = createdAt
        self.text = text
    }
}
