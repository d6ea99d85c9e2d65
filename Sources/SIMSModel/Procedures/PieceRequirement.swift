/// A piece (« pièce justificative ») a procedure requires.
///
/// A document of the right type whose owner is the concerned tier and that is recent enough
/// (``maxAgeDays`` from its issue date) and still valid satisfies it, and is offered for reuse.
public struct PieceRequirement: Sendable, Equatable {
    /// The key of the piece within the procedure: `domicile`, `identite_enfant`.
    public var key: String
    public var documentType: DocumentType
    /// The French label shown in the checklist; defaults to the document type's label.
    public var label: String
    /// The maximum age of the document at the deposit, in days, when it matters
    /// (a justificatif de domicile of less than 3 months: 92).
    public var maxAgeDays: Int?
    /// Whose document it is.
    public var concerns: PieceOwner
    public var required: Bool
    /// When the piece is asked for only for some answers (a licence's class); nil: always.
    public var condition: PieceCondition?

    public init(key: String, documentType: DocumentType, label: String? = nil, maxAgeDays: Int? = nil,
                concerns: PieceOwner = .applicant, required: Bool = true, condition: PieceCondition? = nil) {
        self.key = key
        self.documentType = documentType
        self.label = label ?? documentType.label
        self.maxAgeDays = maxAgeDays
        self.concerns = concerns
        self.required = required
        self.condition = condition
    }

    /// Whether the piece is asked for with these answers (always, without a condition).
    public func applies(to answers: [String: String]) -> Bool {
        condition?.holds(in: answers) ?? true
    }
}
