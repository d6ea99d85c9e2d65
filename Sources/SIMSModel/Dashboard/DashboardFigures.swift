/// What the superviseur's dashboard shows, on one day: dossiers per state and procedure, the age
/// of the open ones, their deadlines, the processing time and the decisions of the last 30 days,
/// the load of each agent, and the oldest dossiers.
///
/// Made by ``DashboardService``; rendered as text by ``DashboardText``.
public struct DashboardFigures: Sendable, Equatable {
    /// The days the processing time and the throughput cover (today included).
    public static let days = 30
    /// « Due soon »: within this many days from today.
    public static let dueSoonDays = 7
    /// How many of the oldest open dossiers are listed.
    public static let oldestCount = 10
    /// The open states, in the order of the review.
    public static let openStates = QueueStateScope.openStates
    /// The states of a submitted dossier, in the order of the review.
    public static let states = QueueStateScope.openStates + QueueStateScope.decidedStates

    /// The New Caledonian day the figures are for.
    public var today: CalendarDate
    /// One line per procedure with submitted dossiers, by code.
    public var procedures: [DashboardProcedureFigures]
    /// The same figures over every procedure (the processing time over all their decisions).
    public var totals: DashboardProcedureFigures
    /// Decisions per day over the last 30 days, oldest first, days without decisions included.
    public var throughput: [DashboardDayCount]
    /// Open dossiers per agent: nobody's first (when there are), then by decreasing load.
    public var load: [DashboardAgentLoad]
    /// The oldest open dossiers (at most ``oldestCount``), oldest first.
    public var oldest: [DashboardOldDossier]

    public init(today: CalendarDate, procedures: [DashboardProcedureFigures], totals: DashboardProcedureFigures,
                throughput: [DashboardDayCount], load: [DashboardAgentLoad], oldest: [DashboardOldDossier]) {
        self.today = today
        self.procedures = procedures
        self.totals = totals
        self.throughput = throughput
        self.load = load
        self.oldest = oldest
    }

    /// The first day of the 30 days the processing time and throughput cover.
    public var firstDay: CalendarDate { today.adding(days: -(Self.days - 1)) }
}
