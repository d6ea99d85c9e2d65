import Foundation
import GRDB

/// Computes the superviseur's dashboard.
///
/// ``figures(now:)`` reads the running tallies the triggers of ``DossierTallySQL`` keep (a few
/// hundred rows) and the ten oldest open dossiers through a partial index, in one read
/// transaction: a refresh costs a few milliseconds with a million dossiers.
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
        return try store.pool.read { db in
            let states = try Row.fetchCursor(db.cachedStatement(sql: "SELECT procedure_code, state, n FROM dossier_state_tally WHERE n <> 0"))
            while let row = try states.next() { sum.addState(procedure: row[0], state: row[1], n: row[2]) }
            let open = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT procedure_code, submitted_day, due_day, n FROM dossier_open_tally WHERE n <> 0
                """))
            while let row = try open.next() { sum.addOpen(procedure: row[0], submittedDay: row[1], dueDay: row[2], n: row[3]) }
            let days = sum.decisionDays
            let decisions = try Row.fetchCursor(db.cachedStatement(sql: """
                SELECT procedure_code, decided_day, processing_days, n FROM dossier_decision_tally
                WHERE decided_day >= ? AND decided_day <= ? AND n <> 0
                """), arguments: [days.first, days.last])
            while let row = try decisions.next() {
                sum.addDecision(procedure: row[0], day: row[1], processingDays: row[2], n: row[3])
            }
            let load = try Row.fetchCursor(db.cachedStatement(sql: "SELECT assignee_id, state, n FROM dossier_load_tally WHERE n <> 0"))
            while let row = try load.next() { sum.addLoad(assignee: row[0], state: row[1], n: row[2]) }
            return sum.figures(agentNames: try Self.agentNames(db), oldest: try Self.oldest(db, today: sum.today, indexed: true))
        }
    }

    /// The same figures as ``figures(now:)``, computed by plain GROUP BY over every dossier
    /// (processing times from the dossiers' deposit and decision instants), without the tallies.
    public func baselineFigures(now: Date) throws -> DashboardFigures {
        var sum = DashboardAccumulator(today: CalendarDate.today(now: now))
        let today = sum.today.iso
        let soon = sum.today.adding(days: DashboardFigures.dueSoonDays).iso
        let days = sum.decisionDays
        return try store.pool.read { db in
            let states = try Row.fetchCursor(db, sql: """
                SELECT procedure_code, state, count(*) FROM dossier WHERE state <> 'brouillon' GROUP BY procedure_code, state
                """)
            while let row = try states.next() { sum.addState(procedure: row[0], state: row[1], n: row[2]) }
            let open = try Row.fetchCursor(db, sql: """
                SELECT procedure_code,
                    CASE WHEN age IS NULL THEN NULL WHEN age <= 7 THEN 0 WHEN age <= 15 THEN 1 WHEN age <= 30 THEN 2
                         WHEN age <= 60 THEN 3 ELSE 4 END AS bucket,
                    count(*),
                    count(CASE WHEN due_on <> '' AND due_on < :today THEN 1 END),
                    count(CASE WHEN due_on >= :today AND due_on <= :soon THEN 1 END)
                FROM (SELECT procedure_code, due_on,
                          CAST(julianday(:today) - julianday(date(submitted_at, '+11 hours')) AS INTEGER) AS age
                      FROM dossier WHERE state IN \(DossierTallySQL.openStates))
                GROUP BY procedure_code, bucket
                """, arguments: ["today": today, "soon": soon])
            while let row = try open.next() {
                sum.addOpen(procedure: row[0], bucket: (row[1] as Int?).flatMap(DashboardAgeBucket.init(rawValue:)), n: row[2],
                            overdue: row[3], dueWithinWeek: row[4])
            }
            let decisions = try Row.fetchCursor(db, sql: """
                SELECT procedure_code, date(decided_at, '+11 hours') AS day,
                    CAST(julianday(decided_at) - julianday(submitted_at) AS INTEGER) AS processing, count(*)
                FROM dossier
                WHERE state IN \(DossierTallySQL.decidedStates) AND decided_at IS NOT NULL AND submitted_at IS NOT NULL
                    AND date(decided_at, '+11 hours') BETWEEN ? AND ?
                GROUP BY procedure_code, day, processing
                """, arguments: [days.first, days.last])
            while let row = try decisions.next() {
                sum.addDecision(procedure: row[0], day: row[1], processingDays: row[2], n: row[3])
            }
            let load = try Row.fetchCursor(db, sql: """
                SELECT coalesce(assignee_id, 0), state, count(*) FROM dossier WHERE state IN \(DossierTallySQL.openStates)
                GROUP BY 1, 2
                """)
            while let row = try load.next() { sum.addLoad(assignee: row[0], state: row[1], n: row[2]) }
            return sum.figures(agentNames: try Self.agentNames(db), oldest: try Self.oldest(db, today: sum.today, indexed: false))
        }
    }

    private static func agentNames(_ db: Database) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, full_name FROM agent"))
        while let row = try rows.next() { names[row[0]] = row[1] }
        return names
    }

    /// The oldest open dossiers. Indexed, the WHERE is written as the partial index
    /// `dossier_open_by_age` is, so that SQLite reads its first ten entries; otherwise (the
    /// baseline) every dossier is scanned and sorted.
    private static func oldest(_ db: Database, today: CalendarDate, indexed: Bool) throws -> [DashboardOldDossier] {
        let sql = """
            SELECT d.id, d.number, d.procedure_code, d.state, \(DossierTallySQL.day("d.submitted_at")), d.due_on,
                (SELECT display_name FROM tier WHERE tier.id = d.applicant_id),
                (SELECT full_name FROM agent WHERE agent.id = d.assignee_id)
            FROM dossier d \(indexed ? "INDEXED BY dossier_open_by_age" : "NOT INDEXED")
            WHERE d.state IN \(DossierTallySQL.openStates)
            ORDER BY d.submitted_at, d.id
            LIMIT \(DashboardFigures.oldestCount)
            """
        return try Row.fetchAll(db.cachedStatement(sql: sql)).map { row in
            let due = (row[5] as String?).flatMap(CalendarDate.init(iso:))
            let id: Int64 = row[0]
            return DashboardOldDossier(id: id, number: row[1] ?? "n° \(id)", procedureCode: row[2], applicantName: row[6] ?? "",
                                       state: DossierState(rawValue: row[3]) ?? .submitted, assigneeName: row[7],
                                       submittedOn: CalendarDate(iso: row[4]), dueOn: due, overdue: due.map { $0 < today } ?? false)
        }
    }
}
