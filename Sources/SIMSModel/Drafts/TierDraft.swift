/// A tier form an agent has not saved yet: what was typed, field by field, as typed.
///
/// Drafts are the agent's own work in progress, kept so that nothing typed is lost (a dropped
/// SSH session, a crash); they are not facts and not audit events. Saving the tier deletes it.
public struct TierDraft: Sendable, Equatable {
    public var id: Int64?
    public var agentID: Int64
    public var kind: TierKind
    /// The tier being edited, or nil for a new one.
    public var tierID: Int64?
    /// The version of the tier the form started from.
    public var tierVersion: Int?
    /// The text of each field as typed (not validated).
    public var values: [TierField: String]
    /// The field that had the focus.
    public var focus: TierField?
    public var updatedAt: String

    public init(id: Int64? = nil, agentID: Int64, kind: TierKind, tierID: Int64? = nil, tierVersion: Int? = nil,
                values: [TierField: String], focus: TierField? = nil, updatedAt: String = "") {
        self.id = id
        self.agentID = agentID
        self.kind = kind
        self.tierID = tierID
        self.tierVersion = tierVersion
        self.values = values
        self.focus = focus
        self.updatedAt = updatedAt
    }

    /// What the draft is about, for a list: « Personne : WAMYTAN Hélène ».
    public var summary: String {
        let name = TierDisplay.name(kind: kind, values: values.filter { !$0.value.isEmpty })
        return (tierID == nil ? "Nouvelle \(kind.label.lowercased())" : "Modification") + " : " + name
    }
}
