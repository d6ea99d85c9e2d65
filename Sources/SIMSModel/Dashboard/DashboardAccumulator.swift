/// Adds up rows of counts (from the running tallies, or from a GROUP BY over the dossiers) into
/// ``DashboardFigures``: both ways of computing the dashboard share this arithmetic.
struct DashboardAccumulator {
    let today: CalendarDate
    private let todayISO: String
    private let soonISO: String
    private let firstDayISO: String
    private var procedures: [String: DashboardProcedureFigures] = [:]
    /// Procedure → whole days from deposit to decision → decisions.
    private var processing: [String: [Int: Int]] = [:]
    private var perDay: [String: Int] = [:]
    /// Assignee (0: nobody) → state → open dossiers.
    private var load: [Int64: [DossierState: Int]] = [:]
    private var ages: [String: Int?] = [:]

    init(today: CalendarDate) {
        self.today = today
        todayISO = today.iso
        soonISO = today.adding(days: DashboardFigures.dueSoonDays).iso
        firstDayISO = today.adding(days: -(DashboardFigures.days - 1)).iso
    }

    /// The first and last days (ISO) of the 30 days of decisions.
    var decisionDays: (first: String, last: String) { (firstDayISO, todayISO) }

    private mutating func update(_ code: String, _ change: (inout DashboardProcedureFigures) -> Void) {
        change(&procedures[code, default: DashboardProcedureFigures(procedureCode: code)])
    }

    /// `n` submitted dossiers of a procedure in a state.
    mutating func addState(procedure: String, state: String, n: Int) {
        guard n != 0, let state = DossierState(rawValue: state), state != .draft else { return }
        update(procedure) { $0.counts[state, default: 0] += n }
    }

    /// `n` open dossiers deposited on `submittedDay` and due on `dueDay` (ISO days, '' when none).
    mutating func addOpen(procedure: String, submittedDay: String, dueDay: String, n: Int) {
        guard n != 0 else { return }
        let age: Int?
        if let known = ages[submittedDay] {
            age = known
        } else {
            age = CalendarDate(iso: submittedDay).map { $0.days(until: today) }
            ages[submittedDay] = age
        }
        let overdue = !dueDay.isEmpty && dueDay < todayISO
        let soon = !dueDay.isEmpty && dueDay >= todayISO && dueDay <= soonISO
        addOpen(procedure: procedure, bucket: age.map(DashboardAgeBucket.bucket(forAge:)), n: n,
                overdue: overdue ? n : 0, dueWithinWeek: soon ? n : 0)
    }

    /// `n` open dossiers of an age bucket (nil: no deposit date), of which `overdue` are overdue
    /// and `dueWithinWeek` due within the week.
    mutating func addOpen(procedure: String, bucket: DashboardAgeBucket?, n: Int, overdue: Int, dueWithinWeek: Int) {
        update(procedure) {
            if let bucket { $0.ageing[bucket, default: 0] += n }
            $0.overdue += overdue
            $0.dueWithinWeek += dueWithinWeek
        }
    }

    /// `n` decisions taken on `day` (ISO), `processingDays` whole days after the deposit. Days
    /// outside the last 30 are ignored.
    mutating func addDecision(procedure: String, day: String, processingDays: Int, n: Int) {
        guard n != 0, day >= firstDayISO, day <= todayISO else { return }
        update(procedure) { $0.decisions += n }
        processing[procedure, default: [:]][processingDays, default: 0] += n
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
