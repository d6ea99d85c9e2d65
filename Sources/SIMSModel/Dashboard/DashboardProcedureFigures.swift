/// The dashboard's figures of one procedure (or of all of them, for the totals line).
///
/// ```swift
/// let grants = figures.procedures.first { $0.procedureCode == "BS" }!
/// grants.count(.underReview)          // dossiers en instruction
/// grants.ageing[.over60]              // open dossiers deposited more than 60 days ago
/// grants.overdue                      // open dossiers whose decision is overdue
/// grants.processingDaysP90            // 90th percentile of the processing time over 30 days
/// ```
public struct DashboardProcedureFigures: Sendable, Equatable {
    /// The procedure's code; nil on the totals line.
    public var procedureCode: String?
    /// Submitted dossiers per state (brouillons never counted); states without dossiers are absent.
    public var counts: [DossierState: Int]
    /// Open dossiers per time since their deposit.
    public var ageing: [DashboardAgeBucket: Int]
    /// Open dossiers whose decision was due before today.
    public var overdue: Int
    /// Open dossiers whose decision is due today or within the next 7 days.
    public var dueWithinWeek: Int
    /// Decisions of the last 30 days (today included).
    public var decisions: Int
    /// The 90th percentile (nearest rank) of the whole days from deposit to decision over the
    /// decisions of the last 30 days; nil when there were none.
    public var processingDaysP90: Int?

    public init(procedureCode: String?, counts: [DossierState: Int] = [:], ageing: [DashboardAgeBucket: Int] = [:],
                overdue: Int = 0, dueWithinWeek: Int = 0, decisions: Int = 0, processingDaysP90: Int? = nil) {
        self.procedureCode = procedureCode
        self.counts = counts
        self.ageing = ageing
        self.overdue = overdue
        self.dueWithinWeek = dueWithinWeek
        self.decisions = decisions
        self.processingDaysP90 = processingDaysP90
    }

    /// The number of dossiers in `state`.
    public func count(_ state: DossierState) -> Int { counts[state] ?? 0 }

    /// The number of open dossiers deposited within `bucket`'s days.
    public func count(in bucket: DashboardAgeBucket) -> Int { ageing[bucket] ?? 0 }

    /// Every submitted dossier.
    public var total: Int { counts.values.reduce(0, +) }

    /// The dossiers still to decide (déposé, en instruction, attente de pièces, à valider).
    public var open: Int { DashboardFigures.openStates.reduce(0) { $0 + count($1) } }
}
