/// Where a procedure field's value lives: on the applicant, on the beneficiary, or only in the
/// dossier.
public enum ProcedureFieldBinding: Sendable, Equatable, Hashable {
    /// A field of the applicant tier (`demandeur.telephone` in a procedure file).
    case applicant(TierField)
    /// A field of the beneficiary tier (`beneficiaire.date_naissance`).
    case beneficiary(TierField)
    /// Kept in the dossier's answers only.
    case local

    /// The tier field, for a bound field.
    public var tierField: TierField? {
        switch self {
        case .applicant(let field), .beneficiary(let field): return field
        case .local: return nil
        }
    }
}
