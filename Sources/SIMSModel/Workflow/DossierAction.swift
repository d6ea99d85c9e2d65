/// What an agent can do to a submitted dossier, moving it through its review.
public enum DossierAction: Sendable, Equatable {
    /// An instructeur takes the dossier: déposé → en instruction, assigned to them.
    case claim
    /// Ask the citizen for pieces: en instruction → attente de pièces, with the pieces and a due date.
    case requestPieces(pieces: [String], dueOn: CalendarDate)
    /// The pieces asked for arrived: attente de pièces → en instruction.
    case piecesReceived
    /// Propose a decision with its motif: en instruction → à valider (two review levels).
    case propose(DossierDecision, motif: String)
    /// Decide: from en instruction when the procedure has one review level (the instructeur), or
    /// from à valider by a superviseur who did not make the proposal (two levels).
    case decide(DossierDecision, motif: String)
    /// Send a proposal back to instruction with the reason: à valider → en instruction.
    case returnProposal(motif: String)
    /// Reopen a decided dossier, with the reason: accepté | refusé | sans suite → en instruction.
    case reopen(motif: String)
    /// Give the dossier to a colleague (the dossier keeps its state).
    case reassign(toAgentID: Int64)

    /// The French name of the action, for refusals: « prendre le dossier ».
    public var label: String {
        switch self {
        case .claim: return "prendre le dossier"
        case .requestPieces: return "demander des pièces"
        case .piecesReceived: return "enregistrer l'arrivée des pièces"
        case .propose: return "proposer une décision"
        case .decide: return "décider"
        case .returnProposal: return "renvoyer la proposition en instruction"
        case .reopen: return "rouvrir le dossier"
        case .reassign: return "réattribuer le dossier"
        }
    }
}
