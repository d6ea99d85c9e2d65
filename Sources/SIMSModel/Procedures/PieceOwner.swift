/// Whose document a required piece is.
public enum PieceOwner: String, Sendable, Equatable {
    case applicant = "demandeur"
    case beneficiary = "beneficiaire"
}
