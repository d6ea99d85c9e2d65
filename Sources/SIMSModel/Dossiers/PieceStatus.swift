/// What the counter did about one required piece of a dossier.
public enum PieceStatus: Sendable, Equatable {
    /// A document already on file satisfies it and is reused.
    case reused(documentID: Int64)
    /// The citizen handed it in at the counter (on paper, to be scanned); its issue date when
    /// typed (`aaaa-mm-jj`), which lets later dossiers reuse it.
    case handedIn(issuedOn: String?)
    /// Not provided: to be asked for.
    case missing

    /// The stored code.
    var code: String {
        switch self {
        case .reused: return "reutilisee"
        case .handedIn: return "remise"
        case .missing: return "manquante"
        }
    }

    /// Whether the piece is provided (reused or handed in).
    public var isProvided: Bool {
        if case .missing = self { return false }
        return true
    }
}
