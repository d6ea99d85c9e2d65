/// The tabs of the dossier screen.
enum DossierReviewTab: Int, CaseIterable {
    case fields
    case pieces
    case history
    case notes

    var label: String {
        switch self {
        case .fields: return "Champs"
        case .pieces: return "Pièces"
        case .history: return "Historique"
        case .notes: return "Notes internes"
        }
    }
}
