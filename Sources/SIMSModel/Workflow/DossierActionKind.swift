/// The kinds of ``DossierAction``, without their details: what the dossier screen offers.
public enum DossierActionKind: String, Sendable, CaseIterable {
    case claim
    case requestPieces
    case piecesReceived
    case propose
    case decide
    case returnProposal
    case reopen
    case reassign

    /// The French label of the offer: « Prendre », « Demander des pièces »…
    public var label: String {
        switch self {
        case .claim: return "Prendre le dossier"
        case .requestPieces: return "Demander des pièces"
        case .piecesReceived: return "Pièces reçues"
        case .propose: return "Proposer une décision"
        case .decide: return "Décider"
        case .returnProposal: return "Renvoyer en instruction"
        case .reopen: return "Rouvrir"
        case .reassign: return "Réattribuer"
        }
    }

    /// A valid example of the action, to ask the rules whether this kind is allowed at all.
    var probe: DossierAction {
        let motif = "motif d'essai"
        switch self {
        case .claim: return .claim
        case .requestPieces: return .requestPieces(pieces: ["pièce"], dueOn: CalendarDate(year: 2000, month: 1, day: 1)!)
        case .piecesReceived: return .piecesReceived
        case .propose: return .propose(.accepted, motif: motif)
        case .decide: return .decide(.accepted, motif: motif)
        case .returnProposal: return .returnProposal(motif: motif)
        case .reopen: return .reopen(motif: motif)
        case .reassign: return .reassign(toAgentID: -1)
        }
    }
}
