/// One procedure (« démarche ») of the catalogue, as declared in its file in `procedures/`.
///
/// A procedure says who applies (a person or an organisation), for whom (an optional
/// beneficiary, e.g. a child), what the agent keys (``fields``), which pieces are required
/// (``pieces``), how many review levels it has, its deadline and how long its dossiers are kept.
///
/// ```swift
/// let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: "procedures"))
/// let grant = catalog.procedure(code: "BS")!
/// grant.fields.filter { $0.binding.tierField != nil }   // the fields prefilled from the tiers
/// ```
public struct Procedure: Sendable, Equatable {
    /// The short code, also the prefix of dossier numbers: `BS` gives `BS-2026-000123`.
    public var code: String
    /// The title shown to agents: « Demande de bourse scolaire ».
    public var title: String
    /// The kind of tier that applies.
    public var applicantKind: TierKind
    /// Who the dossier is for, when it is not the applicant (a child for a school grant).
    public var beneficiary: BeneficiaryRule?
    /// The codes of the procedures whose dossiers this one renews (a renewal starts from the
    /// previous dossier's answers). Empty for a first application.
    public var renews: [String]
    /// The fiche pratique: text shown to the agent and printable.
    public var sheet: ProcedureSheet
    /// The fields of the form, in order.
    public var fields: [ProcedureField]
    /// The pieces the procedure requires.
    public var pieces: [PieceRequirement]
    /// 1: an instructeur decides; 2: a superviseur validates the instructeur's proposal.
    public var reviewLevels: Int
    /// Days between deposit and the due date of a decision.
    public var deadlineDays: Int
    /// Years a closed dossier is kept before it is purged.
    public var retentionYears: Int
    /// The file the procedure was read from (for messages), e.g. `procedures/bourse-scolaire.yaml`.
    public var sourceFile: String

    public init(code: String, title: String, applicantKind: TierKind, beneficiary: BeneficiaryRule? = nil,
                renews: [String] = [], sheet: ProcedureSheet, fields: [ProcedureField], pieces: [PieceRequirement],
                reviewLevels: Int, deadlineDays: Int, retentionYears: Int, sourceFile: String = "") {
        self.code = code
        self.title = title
        self.applicantKind = applicantKind
        self.beneficiary = beneficiary
        self.renews = renews
        self.sheet = sheet
        self.fields = fields
        self.pieces = pieces
        self.reviewLevels = reviewLevels
        self.deadlineDays = deadlineDays
        self.retentionYears = retentionYears
        self.sourceFile = sourceFile
    }

    /// The field with this key, if any.
    public func field(_ key: String) -> ProcedureField? { fields.first { $0.key == key } }

    /// Whether this procedure is a renewal.
    public var isRenewal: Bool { !renews.isEmpty }
}
