/// The fiche pratique of a procedure: plain French text, shown to the agent and printable.
public struct ProcedureSheet: Sendable, Equatable {
    /// Who may apply.
    public var eligibility: String
    /// What the procedure gives.
    public var benefit: String
    /// The pieces to bring, as explained to the citizen.
    public var pieces: String
    /// The deadlines (when to apply, how long the decision takes).
    public var deadlines: String

    public init(eligibility: String, benefit: String, pieces: String, deadlines: String) {
        self.eligibility = eligibility
        self.benefit = benefit
        self.pieces = pieces
        self.deadlines = deadlines
    }

    /// The sections in order, with their French headings.
    public var sections: [(heading: String, text: String)] {
        [("Qui peut demander", eligibility), ("Ce que la démarche apporte", benefit),
         ("Pièces à fournir", pieces), ("Délais", deadlines)]
    }
}
