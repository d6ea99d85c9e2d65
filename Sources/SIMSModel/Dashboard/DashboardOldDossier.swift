/// One of the oldest open dossiers, as the dashboard lists them.
public struct DashboardOldDossier: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var procedureCode: String
    public var applicantName: String
    public var state: DossierState
    /// The agent who holds it; nil when nobody has taken it.
    public var assigneeName: String?
    /// The New Caledonian day of its deposit.
    public var submittedOn: CalendarDate?
    /// The day its decision is due.
    public var dueOn: CalendarDate?
    /// Whether its decision was due before the dashboard's day.
    public var overdue: Bool

    public init(id: Int64, number: String, procedureCode: String, applicantName: String, state: DossierState,
                assigneeName: String?, submittedOn: CalendarDate?, dueOn: CalendarDate?, overdue: Bool) {
        self.id = id
        self.number = number
        self.procedureCode = procedureCode
        self.applicantName = applicantName
        self.state = state
        self.assigneeName = assigneeName
        self.submittedOn = submittedOn
        self.dueOn = dueOn
        self.overdue = overdue
    }
}
