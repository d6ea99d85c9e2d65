/// Everything the dossier screen shows of a submitted dossier: its answers and pieces, who has it,
/// the proposal and decision, the pieces asked for, its history and its internal notes.
public struct DossierReview: Sendable, Equatable {
    public var dossier: Dossier
    public var applicantName: String
    public var beneficiaryName: String?
    public var assigneeName: String?
    public var proposedDecision: DossierDecision?
    public var proposerID: Int64?
    public var proposerName: String?
    /// The motif of the proposal, or of the decision once decided.
    public var motif: String?
    public var deciderName: String?
    /// The stored instant of the decision.
    public var decidedAt: String?
    /// The pieces asked for in the last request.
    public var piecesRequested: [String]
    public var piecesDueOn: CalendarDate?
    public var history: [DossierHistoryEntry]
    public var notes: [DossierNote]
    /// The documents attached to the dossier.
    public var documents: [Document]

    public init(dossier: Dossier, applicantName: String, beneficiaryName: String? = nil, assigneeName: String? = nil,
                proposedDecision: DossierDecision? = nil, proposerID: Int64? = nil, proposerName: String? = nil,
                motif: String? = nil, deciderName: String? = nil, decidedAt: String? = nil,
                piecesRequested: [String] = [], piecesDueOn: CalendarDate? = nil, history: [DossierHistoryEntry] = [],
                notes: [DossierNote] = [], documents: [Document] = []) {
        self.dossier = dossier
        self.applicantName = applicantName
        self.beneficiaryName = beneficiaryName
        self.assigneeName = assigneeName
        self.proposedDecision = proposedDecision
        self.proposerID = proposerID
        self.proposerName = proposerName
        self.motif = motif
        self.deciderName = deciderName
        self.decidedAt = decidedAt
        self.piecesRequested = piecesRequested
        self.piecesDueOn = piecesDueOn
        self.history = history
        self.notes = notes
        self.documents = documents
    }

    /// What the workflow rules need to know, for the given number of review levels.
    public func facts(reviewLevels: Int) -> DossierWorkflow.Facts {
        DossierWorkflow.Facts(state: dossier.state, assigneeID: dossier.assigneeID, proposerID: proposerID,
                              reviewLevels: reviewLevels)
    }
}
