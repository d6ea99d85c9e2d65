/// The order of a queue. Every order ends with the dossier's id, so that keyset pages never skip
/// nor repeat a dossier.
public enum QueueSort: String, Sendable, CaseIterable {
    /// Oldest deposit first (the order « prendre le suivant » follows).
    case oldest
    /// Newest deposit first.
    case newest
    /// Earliest due date first.
    case dueFirst

    /// The French label.
    public var label: String {
        switch self {
        case .oldest: return "plus anciens d'abord"
        case .newest: return "plus récents d'abord"
        case .dueFirst: return "échéance la plus proche"
        }
    }

    /// The column the order follows.
    var column: String {
        switch self {
        case .oldest, .newest: return "submitted_at"
        case .dueFirst: return "due_on"
        }
    }

    var descending: Bool { self == .newest }
}
