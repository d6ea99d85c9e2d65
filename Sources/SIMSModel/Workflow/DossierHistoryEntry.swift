/// One line of a dossier's history, read from its audit events.
public struct DossierHistoryEntry: Sendable, Equatable {
    /// The stored instant.
    public var at: String
    public var agentName: String
    /// What happened, in French: « prise en instruction ».
    public var label: String
    /// The details worth reading: motif, pieces asked for, decision, colleague…
    public var detail: String

    public init(at: String, agentName: String, label: String, detail: String) {
        self.at = at
        self.agentName = agentName
        self.label = label
        self.detail = detail
    }
}
