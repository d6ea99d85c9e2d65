extension DossierWorkflow {
    /// The actions this agent may take on this dossier now, and only those, in the order of the
    /// review (what the dossier screen offers).
    public static func availableActions(dossier: Facts, agent: Agent) -> [DossierActionKind] {
        DossierActionKind.allCases.filter { refusal(of: $0, dossier: dossier, agent: agent) == nil }
    }

    /// Why this kind of action is refused to this agent on this dossier whatever its details (state,
    /// role, four eyes), or nil when it may be taken: a screen asks before prompting for a motif.
    public static func refusal(of kind: DossierActionKind, dossier: Facts, agent: Agent) -> WorkflowRefusal? {
        do {
            _ = try next(for: kind.probe, dossier: dossier, agent: agent)
            return nil
        } catch {
            return error
        }
    }
}
