/// A filter on the date a decision is due.
public enum QueueDeadline: Sendable, Equatable, Hashable {
    case any
    /// Due before today.
    case overdue
    /// Due today or within the next `days` days (not yet overdue), as the dashboard counts them.
    case within(days: Int)

    /// The French label: « échéance dépassée », « échéance sous 7 jours ».
    public var label: String {
        switch self {
        case .any: return "toutes échéances"
        case .overdue: return "échéance dépassée"
        case .within(let days): return "échéance sous \(days) jours"
        }
    }
}
