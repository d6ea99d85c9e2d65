/// Which states a queue shows.
public enum QueueStateScope: Sendable, Equatable, Hashable {
    /// Déposé, en instruction, attente de pièces and à valider: the work still to do.
    case open
    /// One state.
    case state(DossierState)
    /// Accepté, refusé and sans suite.
    case decided
    /// Every submitted dossier.
    case all

    /// The open states, in the order of the review.
    public static let openStates: [DossierState] = [.submitted, .underReview, .awaitingPieces, .awaitingValidation]
    /// The decided states.
    public static let decidedStates: [DossierState] = [.accepted, .refused, .closedWithoutAction]

    /// The French label: « à traiter », « en instruction »…
    public var label: String {
        switch self {
        case .open: return "à traiter"
        case .state(let state): return state.label
        case .decided: return "décidés"
        case .all: return "tous"
        }
    }

    /// The scopes an agent cycles through on the queue screen.
    public static let cycle: [QueueStateScope] = [.open] + (openStates + decidedStates).map { .state($0) } + [.decided, .all]
}
