import SIMSModel
/// An event waiting for the deposits to reach its instant.
struct BenchPendingEvent: Comparable {
    var at: Int64
    var sequence: Int64
    var kind: EventKind
    var dossierID: Int64
    var tierID: Int64
    var agentID: Int64
    /// The payload, already encoded as ``EventLog`` stores it (FlatJSON, keys in order).
    var payload: String

    static func < (lhs: BenchPendingEvent, rhs: BenchPendingEvent) -> Bool { (lhs.at, lhs.sequence) < (rhs.at, rhs.sequence) }
    static func == (lhs: BenchPendingEvent, rhs: BenchPendingEvent) -> Bool { (lhs.at, lhs.sequence) == (rhs.at, rhs.sequence) }
}

