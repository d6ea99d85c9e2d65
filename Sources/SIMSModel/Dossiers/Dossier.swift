/// One application for a procedure by an applicant tier, possibly for a beneficiary.
///
/// While it is a brouillon its ``answers`` hold the text as typed (and prefilled); once
/// submitted they hold the checked, stored form of every answer.
public struct Dossier: Sendable, Equatable {
    public var id: Int64
    /// The number given at deposit, e.g. `BS-2026-000123`; nil for a brouillon.
    public var number: String?
    /// The short code the citizen uses to follow the dossier, e.g. `K7P-3QX`; nil for a brouillon.
    public var trackingCode: String?
    public var procedureCode: String
    public var procedureTitle: String
    public var applicantID: Int64
    /// The applicant's version the form started from.
    public var applicantVersion: Int
    public var beneficiaryID: Int64?
    public var beneficiaryVersion: Int?
    public var state: DossierState
    /// Answers by procedure field key.
    public var answers: [String: String]
    /// What was decided for each required piece, by piece key.
    public var pieces: [String: PieceStatus]
    /// The field key that had the focus (for a brouillon taken back).
    public var focus: String?
    /// The dossier this one renews.
    public var previousID: Int64?
    public var createdBy: Int64
    public var createdAt: String
    public var updatedAt: String
    public var submittedAt: String?
    /// The date a decision is due (`aaaa-mm-jj`).
    public var dueOn: String?
    /// The agent instructing it.
    public var assigneeID: Int64?

    public init(id: Int64, number: String? = nil, trackingCode: String? = nil, procedureCode: String,
                procedureTitle: String, applicantID: Int64, applicantVersion: Int, beneficiaryID: Int64? = nil,
                beneficiaryVersion: Int? = nil, state: DossierState, answers: [String: String],
                pieces: [String: PieceStatus] = [:], focus: String? = nil, previousID: Int64? = nil,
                createdBy: Int64, createdAt: String, updatedAt: String, submittedAt: String? = nil,
                dueOn: String? = nil, assigneeID: Int64? = nil) {
        self.id = id
        self.number = number
        self.trackingCode = trackingCode
        self.procedureCode = procedureCode
        self.procedureTitle = procedureTitle
        self.applicantID = applicantID
        self.applicantVersion = applicantVersion
        self.beneficiaryID = beneficiaryID
        self.beneficiaryVersion = beneficiaryVersion
        self.state = state
        self.answers = answers
        self.pieces = pieces
        self.focus = focus
        self.previousID = previousID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.dueOn = dueOn
        self.assigneeID = assigneeID
    }
}
