/// One line of a queue.
public struct QueueEntry: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var procedureCode: String
    public var applicantName: String
    public var state: DossierState
    public var assigneeID: Int64?
    public var assigneeName: String?
    /// The stored instant of the deposit.
    public var submittedAt: String
    /// The date the decision is due (`aaaa-mm-jj`).
    public var dueOn: CalendarDate?
    /// The date the pieces asked for are due, while waiting for them.
    public var piecesDueOn: CalendarDate?

    public init(id: Int64, number: String, procedureCode: String, applicantName: String, state: DossierState,
                assigneeID: Int64?, assigneeName: String?, submittedAt: String, dueOn: CalendarDate?,
                piecesDueOn: CalendarDate?) {
        self.id = id
        self.number = number
        self.procedureCode = procedureCode
        self.applicantName = applicantName
        self.state = state
        self.assigneeID = assigneeID
        self.assigneeName = assigneeName
        self.submittedAt = submittedAt
        self.dueOn = dueOn
        self.piecesDueOn = piecesDueOn
    }

    /// Whether the decision is overdue on `today` (decided dossiers never are).
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard QueueStateScope.openStates.contains(state), let dueOn else { return false }
        return dueOn < today
    }

    /// Whole days since the deposit, on `today` in New Caledonia.
    public func ageInDays(on today: CalendarDate) -> Int {
        guard let date = Timestamp.date(from: submittedAt) else { return 0 }
        return CalendarDate.today(now: date).days(until: today)
    }
}
