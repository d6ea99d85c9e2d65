/// A fact of a dossier's applicant or beneficiary that one of the dossier's pieces proves: what
/// accepting the dossier validates.
public struct ProvableFact: Sendable, Equatable {
    public var tierID: Int64
    /// « Demandeur » or « Bénéficiaire ».
    public var role: String
    public var field: TierField
    /// The current value (stored form) the decision validates.
    public var value: String
    public var level: VerificationLevel
    public var document: Document

    public init(tierID: Int64, role: String, field: TierField, value: String, level: VerificationLevel, document: Document) {
        self.tierID = tierID
        self.role = role
        self.field = field
        self.value = value
        self.level = level
        self.document = document
    }

    /// « Date de naissance 14/03/1985 ».
    public var text: String { "\(field.label) \(FieldValidator.display(value, for: field))" }
}
