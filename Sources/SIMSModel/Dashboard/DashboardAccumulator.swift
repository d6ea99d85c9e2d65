/// Adds up counts (from the running tallies, or from a GROUP BY over the dossiers) into
/// ``DashboardFigures``: both ways of computing the dashboard share this arithmetic. Zero counts
/// are ignored, so that both give the same figures whichever rows their SQL returns.
struct DashboardAccumulator {
    let today: CalendarDate
    private var procedures: [String: DashboardProcedureFigures] = [:]
    /// Procedure → whole days from deposit to decision → decisions.
    private var processing: [String: [Int: Int]] = [:]
    private var perDay: [String: Int] = [:]
    /// Assignee (0: nobody) → state → open dossiers.
    private var load: [Int64: [DossierState: Int]] = [:]

    init(today: CalendarDate) { self.today = today }

    /// The first and last days (ISO) of the 30 days of decisions.
    var decisionDays: (first: String, last: String) { (today.adding(days: -(DashboardFigures.days - 1)).iso, today.iso) }

    private mutating func update(_ code: String, _ change: (inout DashboardProcedureFigures) -> Void) {
        change(&procedures[code, default: DashboardProcedureFigures(procedureCode: code)])
    }

    /// `n` submitted dossiers of a procedure in a state.
    mutating func addState(procedure: String, state: String, n: Int) {
        guard n != 0, let state = DossierState(rawValue: state), state != .draft else { return }
        update(procedure) { $0.counts[state, default: 0] += n }
    }

    /// `n` open dossiers of a procedure deposited within `bucket`'s days.
    mutating func addAge(procedure: String, bucket: DashboardAgeBucket, n: Int) {
        guard n != 0 else { return }
        update(procedure) { $0.ageing[bucket, default: 0] += n }
    }

    /// Open dossiers of a procedure: `overdue` overdue, `dueWithinWeek` due within the week.
    mutating func addDeadlines(procedure: String, overdue: Int, dueWithinWeek: Int) {
        guard overdue != 0 || dueWithinWeek != 0 else { return }
        update(procedure) {
            $0.overdue += overdue
            $0.dueWithinWeek += dueWithinWeek
        }
    }

    /// `n` decisions of the last 30 days of a procedure, taken `processingDays` whole days after
    /// the deposit.
    mutating func addProcessing(procedure: String, processingDays: Int, n: Int) {
        guard n != 0 else { return }
        update(procedure) { $0.decisions += n }
        processing[procedure, default: [:]][processingDays, default: 0] += n
    }

    /// `n` decisions taken on `day` (ISO).
    mutating func addDecisions(day: String, n: Int) {
        guard n != 0 else { return }
        perDay[day, default: 0] += n
    }

    /// `n` open dossiers of an agent (0: nobody) in a state.
    mutating func addLoad(assignee: Int64, state: String, n: Int) {
        guard n != 0, let state = DossierState(rawValue: state) else { return }
        load[assignee, default: [:]][state, default: 0] += n
    }

    /// The nearest-rank 90th percentile of a distribution (value → how many), nil when empty.
    static func percentile90(_ distribution: [Int: Int]) -> Int? {
        let count = distribution.values.reduce(0, +)
        guard count > 0 else { return nil }
        let rank = (9 * count + 9) / 10   // ⌈0.9 × count⌉
        var seen = 0
        for value in distribution.keys.sorted() {
            seen += distribution[value]!
            if seen >= rank { return value }
        }
        return nil
    }

    /// The figures, with the agents' names and the oldest dossiers read beside the counts.
    func figures(agentNames: [Int64: String], oldest: [DashboardOldDossier]) -> DashboardFigures {
        var lines: [DashboardProcedureFigures] = []
        var totals = DashboardProcedureFigures(procedureCode: nil)
        var allProcessing: [Int: Int] = [:]
        for code in procedures.keys.sorted() {
            var line = procedures[code]!
            let distribution = processing[code] ?? [:]
            line.processingDaysP90 = Self.percentile90(distribution)
            lines.append(line)
            totals.counts.merge(line.counts, uniquingKeysWith: +)
            totals.ageing.merge(line.ageing, uniquingKeysWith: +)
            totals.overdue += line.overdue
            totals.dueWithinWeek += line.dueWithinWeek
            totals.decisions += line.decisions
            allProcessing.merge(distribution, uniquingKeysWith: +)
        }
        totals.processingDaysP90 = Self.percentile90(allProcessing)
        let first = today.adding(days: -(DashboardFigures.days - 1))
        let throughput = (0..<DashboardFigures.days).map { offset -> DashboardDayCount in
            let day = first.adding(days: offset)
            return DashboardDayCount(day: day, decisions: perDay[day.iso] ?? 0)
        }
        let agents = load.compactMap { id, counts -> DashboardAgentLoad? in
            let line = DashboardAgentLoad(agentID: id == 0 ? nil : id,
                                          name: id == 0 ? DashboardAgentLoad.unassignedName : agentNames[id] ?? "agent n° \(id)",
                                          counts: counts.filter { $0.value != 0 })
            return line.total == 0 ? nil : line
        }.sorted { a, b in
            if (a.agentID == nil) != (b.agentID == nil) { return a.agentID == nil }
            if a.total != b.total { return a.total > b.total }
            if a.name != b.name { return a.name < b.name }
            return (a.agentID ?? 0) < (b.agentID ?? 0)
        }
        return DashboardFigures(today: today, procedures: lines, totals: totals, throughput: throughput, load: agents,
                                oldest: oldest)
    }
}
