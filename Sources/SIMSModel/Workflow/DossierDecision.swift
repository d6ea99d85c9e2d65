/// The outcome of a dossier's review.
public enum DossierDecision: String, Codable, Sendable, CaseIterable {
    case accepted = "accepte"
    case refused = "refuse"
    case closedWithoutAction = "sans_suite"

    /// The state the dossier takes.
    public var state: DossierState {
        switch self {
        case .accepted: return .accepted
        case .refused: return .refused
        case .closedWithoutAction: return .closedWithoutAction
        }
    }

    /// The French label: « acceptation », « refus », « classement sans suite ».
    public var label: String {
        switch self {
        case .accepted: return "acceptation"
        case .refused: return "refus"
        case .closedWithoutAction: return "classement sans suite"
        }
    }
}
