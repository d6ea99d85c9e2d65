/// What a queue shows: procedure, states, assignee, age and deadline.
///
/// ```swift
/// var filter = QueueFilter()                        // every open dossier
/// filter.procedureCode = "BS"
/// filter.assignee = .unassigned
/// filter.deadline = .overdue
/// ```
public struct QueueFilter: Sendable, Equatable, Hashable {
    public var procedureCode: String?
    public var scope: QueueStateScope
    public var assignee: QueueAssignee
    /// Only dossiers deposited at least this many days ago.
    public var olderThanDays: Int?
    /// Only dossiers deposited at most this many days ago (with ``olderThanDays``: an age bucket).
    public var newerThanDays: Int?
    public var deadline: QueueDeadline

    public init(procedureCode: String? = nil, scope: QueueStateScope = .open, assignee: QueueAssignee = .anyone,
                olderThanDays: Int? = nil, newerThanDays: Int? = nil, deadline: QueueDeadline = .any) {
        self.procedureCode = procedureCode
        self.scope = scope
        self.assignee = assignee
        self.olderThanDays = olderThanDays
        self.newerThanDays = newerThanDays
        self.deadline = deadline
    }
}
