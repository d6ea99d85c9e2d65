/// Where a dossier stands in its life, after démarches-simplifiées plus a validation level:
/// `brouillon → déposé → en instruction ⇄ attente de pièces → à valider → accepté | refusé | sans suite`.
public enum DossierState: String, Codable, Sendable, CaseIterable {
    /// Being keyed at the counter; not yet submitted.
    case draft = "brouillon"
    case submitted = "depose"
    case underReview = "en_instruction"
    case awaitingPieces = "attente_pieces"
    case awaitingValidation = "a_valider"
    case accepted = "accepte"
    case refused = "refuse"
    case closedWithoutAction = "sans_suite"

    /// The French label.
    public var label: String {
        switch self {
        case .draft: return "brouillon"
        case .submitted: return "déposé"
        case .underReview: return "en instruction"
        case .awaitingPieces: return "attente de pièces"
        case .awaitingValidation: return "à valider"
        case .accepted: return "accepté"
        case .refused: return "refusé"
        case .closedWithoutAction: return "sans suite"
        }
    }
}
