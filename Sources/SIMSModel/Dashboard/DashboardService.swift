import Foundation

/// Computes the superviseur's dashboard.
///
/// ``figures(now:)`` reads the running tallies the triggers of ``DossierTallySQL`` keep (some
/// thousands of rows with a million dossiers, most of them the last 30 days of decisions, summed
/// by SQLite) and the ten oldest open dossiers through the partial index `dossier_open_by_age`,
/// in one read transaction: about 25 ms per refresh on `guichet bench queues`' million dossiers.
/// ``baselineFigures(now:)`` computes the same figures by plain GROUP BY over every dossier,
/// without the tallies: the benchmark's baseline, and the tests' cross-check.
///
/// ```swift
/// let dashboard = DashboardService(store: store)
/// let figures = try dashboard.figures(now: store.clock.now())
/// print(DashboardText.render(figures))
/// ```
public struct DashboardService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// The figures on the New Caledonian day of `now`, from the running tallies.
    public func figures(now: Date) throws -> DashboardFigures {
        var sum = DashboardAccumulator(today: CalendarDate.today(now: now))
        let (first, last) = sum.decisionDays
        let (ageing, ageArguments) = Self.tallyAgeing(today: sum.today)
        return try store.read { db in
            let states = try StoreRow.fetchCursor(db.cachedStatement(sql: "SELECT procedure_code, state, n FROM dossier_state_tally WHERE n <> 0"))
            while let row = try states.next() { sum.addState(procedure: row[0], state: row[1], n: row[2]) }
            // One line per procedure (the table's key order: no sort), each bucket a conditional sum.
            let open = try StoreRow.fetchCursor(db.cachedStatement(sql: """
                SELECT procedure_code, \(ageing),
                    sum(CASE WHEN due_day <> '' AND due_day < ? THEN n ELSE 0 END),
                    sum(CASE WHEN due_day >= ? AND due_day <= ? THEN n ELSE 0 END)
                FROM dossier_open_tally WHERE n <> 0 GROUP BY procedure_code
                """), arguments: ageArguments + Self.deadlineArguments(sum.today))
            while let row = try open.next() { Self.addOpen(row, to: &sum) }
            let days = try StoreRow.fetchCursor(db.cachedStatement(sql: """
                SELECT decided_day, sum(n) FROM dossier_decision_tally
                WHERE decided_day >= ? AND decided_day <= ? AND n <> 0 GROUP BY decided_day
                """), arguments: [first, last])
            while let row = try days.next() { sum.addDecisions(day: row[0], n: row[1]) }
            let processing = try StoreRow.fetchCursor(db.cachedStatement(sql: """
                SELECT procedure_code, processing_days, sum(n) FROM dossier_decision_tally
                WHERE decided_day >= ? AND decided_day <= ? AND n <> 0 GROUP BY procedure_code, processing_days
                """), arguments: [first, last])
            while let row = try processing.next() { sum.addProcessing(procedure: row[0], processingDays: row[1], n: row[2]) }
            let load = try StoreRow.fetchCursor(db.cachedStatement(sql: "SELECT assignee_id, state, n FROM dossier_load_tally WHERE n <> 0"))
            while let row = try load.next() { sum.addLoad(assignee: row[0], state: row[1], n: row[2]) }
            return sum.figures(agentNames: try Self.agentNames(db), oldest: try Self.oldest(db, today: sum.today, indexed: true))
        }
    }

    /// The same figures as ``figures(now:)``, computed by plain GROUP BY over every dossier
    /// (processing times from the dossiers' deposit and decision instants), without the tallies.
    public func baselineFigures(now: Date) throws -> DashboardFigures {
        var sum = DashboardAccumulator(today: CalendarDate.today(now: now))
        let (first, last) = sum.decisionDays
        let ages = DashboardAgeBucket.allCases.dropLast().map { "WHEN age <= \($0.maximumDays!) THEN \($0.rawValue)" }
        return try store.read { db in
            let calendar = try db.capability(CalendarSQL.self)
            let states = try StoreRow.fetchCursor(db, sql: """
                SELECT procedure_code, state, count(*) FROM dossier WHERE state <> 'brouillon' GROUP BY procedure_code, state
                """)
            while let row = try states.next() { sum.addState(procedure: row[0], state: row[1], n: row[2]) }
            let open = try StoreRow.fetchCursor(db, sql: """
                SELECT procedure_code,
                    CASE WHEN age IS NULL THEN NULL \(ages.joined(separator: " ")) ELSE \(DashboardAgeBucket.over60.rawValue) END AS bucket,
                    count(*), count(CASE WHEN due_on <> '' AND due_on < ? THEN 1 END),
                    count(CASE WHEN due_on >= ? AND due_on <= ? THEN 1 END)
                FROM (SELECT procedure_code, due_on,
                          \(calendar.wholeDays(from: calendar.day(ofInstant: "submitted_at"), to: "?")) AS age
                      FROM dossier WHERE state IN \(DossierState.openSQL))
                GROUP BY procedure_code, bucket
                """, arguments: Self.deadlineArguments(sum.today) + [sum.today.iso])
            while let row = try open.next() {
                if let bucket = (row[1] as Int?).flatMap(DashboardAgeBucket.init(rawValue:)) {
                    sum.addAge(procedure: row[0], bucket: bucket, n: row[2])
                }
                sum.addDeadlines(procedure: row[0], overdue: row[3], dueWithinWeek: row[4])
            }
            let decisions = try StoreRow.fetchCursor(db, sql: """
                SELECT procedure_code, \(calendar.day(ofInstant: "decided_at")) AS day,
                    \(calendar.wholeDays(from: "submitted_at", to: "decided_at")) AS processing, count(*)
                FROM dossier
                WHERE state IN \(DossierState.decidedSQL) AND decided_at IS NOT NULL AND submitted_at IS NOT NULL
                    AND \(calendar.day(ofInstant: "decided_at")) BETWEEN ? AND ?
                GROUP BY procedure_code, day, processing
                """, arguments: [first, last])
            while let row = try decisions.next() {
                sum.addDecisions(day: row[1], n: row[3])
                sum.addProcessing(procedure: row[0], processingDays: row[2], n: row[3])
            }
            let load = try StoreRow.fetchCursor(db, sql: """
                SELECT coalesce(assignee_id, 0), state, count(*) FROM dossier WHERE state IN \(DossierState.openSQL)
                GROUP BY 1, 2
                """)
            while let row = try load.next() { sum.addLoad(assignee: row[0], state: row[1], n: row[2]) }
            return sum.figures(agentNames: try Self.agentNames(db), oldest: try Self.oldest(db, today: sum.today, indexed: false))
        }
    }

    /// The ageing buckets over `dossier_open_tally`, one conditional sum each, in bucket order:
    /// deposited on or after the day `maximumDays` before today, and before the previous bucket's
    /// day ('' — no deposit day — in none).
    private static func tallyAgeing(today: CalendarDate) -> (String, StoreArguments) {
        var terms: [String] = []
        var arguments: StoreArguments = []
        var newer: String?
        for bucket in DashboardAgeBucket.allCases {
            var conditions = ["submitted_day <> ''"]
            if let newer {
                conditions.append("submitted_day < ?")
                arguments += [newer]
            }
            if let days = bucket.maximumDays {
                let oldest = today.adding(days: -days).iso
                conditions.append("submitted_day >= ?")
                arguments += [oldest]
                newer = oldest
            }
            terms.append("sum(CASE WHEN \(conditions.joined(separator: " AND ")) THEN n ELSE 0 END)")
        }
        return (terms.joined(separator: ", "), arguments)
    }

    /// Today (overdue: due before), today and the last day of « due within the week ».
    private static func deadlineArguments(_ today: CalendarDate) -> StoreArguments {
        [today.iso, today.iso, today.adding(days: DashboardFigures.dueSoonDays).iso]
    }

    /// A line of the open tally's query: procedure, the buckets' counts, overdue, due within the week.
    private static func addOpen(_ row: StoreRow, to sum: inout DashboardAccumulator) {
        let code: String = row[0]
        for bucket in DashboardAgeBucket.allCases {
            sum.addAge(procedure: code, bucket: bucket, n: row[1 + bucket.rawValue])
        }
        let after = 1 + DashboardAgeBucket.allCases.count
        sum.addDeadlines(procedure: code, overdue: row[after], dueWithinWeek: row[after + 1])
    }

    private static func agentNames(_ db: any StoreSession) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try StoreRow.fetchCursor(db.cachedStatement(sql: "SELECT id, full_name FROM agent"))
        while let row = try rows.next() { names[row[0]] = row[1] }
        return names
    }

    /// The oldest open dossiers. Indexed, the WHERE is written as the partial index
    /// `dossier_open_by_age` is, so that SQLite reads its first ten entries; otherwise (the
    /// baseline) every dossier is scanned and sorted.
    private static func oldest(_ db: any StoreSession, today: CalendarDate, indexed: Bool) throws -> [DashboardOldDossier] {
        let hint = try db.capability(QueryPlanning.self).tableHint(index: indexed ? "dossier_open_by_age" : nil)
        let sql = """
            SELECT d.id, d.number, d.procedure_code, d.state, d.submitted_at, d.due_on,
                (SELECT display_name FROM tier WHERE tier.id = d.applicant_id),
                (SELECT full_name FROM agent WHERE agent.id = d.assignee_id)
            FROM dossier d\(hint)
            WHERE d.state IN \(DossierState.openSQL)
            ORDER BY d.submitted_at, d.id
            LIMIT \(DashboardFigures.oldestCount)
            """
        return try StoreRow.fetchAll(db.cachedStatement(sql: sql)).map { row in
            let due = (row[5] as String?).flatMap(CalendarDate.init(iso:))
            let id: Int64 = row[0]
            return DashboardOldDossier(id: id, number: row[1] ?? "n° \(id)", procedureCode: row[2], applicantName: row[6] ?? "",
                                       state: DossierState(rawValue: row[3]) ?? .submitted, assigneeName: row[7],
                                       submittedOn: day(ofInstant: row[4]),
                                       dueOn: due, overdue: due.map { $0 < today } ?? false)
        }
    }

    /// The New Caledonian day of a stored instant (UTC+11 all year: from 13:00 UTC, the next day).
    private static func day(ofInstant instant: String?) -> CalendarDate? {
        guard let instant, let day = CalendarDate(iso: String(instant.prefix(10))) else { return nil }
        return (Int(instant.dropFirst(11).prefix(2)) ?? 0) >= 13 ? day.adding(days: 1) : day
    }
}
