import GRDB
import XCTest
@testable import SIMSModel

/// Review queues: keyset pages that never skip nor repeat a dossier, every filter, the orders,
/// and query plans that walk an index instead of sorting the whole table.
final class DossierQueueTests: XCTestCase {
    var test: TestStore!
    var instructor: Agent!
    var applicantID: Int64!
    let today = CalendarDate(iso: "2026-11-29")!

    override func setUpWithError() throws {
        test = try TestStore()
        instructor = try AgentService(store: test.store).add(login: "instr1", fullName: "Jean Instructeur", roles: [.instructor],
                                                             services: [], by: test.admin)
        applicantID = try test.person("Hélène", "Wamytan", born: "14/03/1985").id
    }

    override func tearDown() { test.remove() }

    /// Inserts a submitted dossier row directly (the queue only reads the table).
    @discardableResult
    func dossier(_ number: String, procedure: String = "BS", state: DossierState = .submitted, submittedAt: String,
                 dueOn: String = "2026-12-31", assignee: Int64? = nil) throws -> Int64 {
        try test.store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO dossier (number, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                                     created_by, assignee_id, created_at, updated_at, submitted_at, due_on)
                VALUES (?, ?, 'Démarche', ?, 1, ?, '{}', ?, ?, ?, ?, ?, ?)
                """, arguments: [number, procedure, applicantID, state.rawValue, test.counter.id, assignee, submittedAt,
                                 submittedAt, submittedAt, dueOn])
            return db.lastInsertedRowID
        }
    }

    func testKeysetPagesListEveryDossierOnceInOrderLikeOffsetPages() throws {
        for index in 0..<23 {
            // Two dossiers share each instant, so that the id breaks ties.
            try dossier(String(format: "BS-2026-%06d", index + 1), submittedAt: "2026-11-\(String(format: "%02d", 1 + index / 2))T01:00:00.000Z")
        }
        let queue = DossierQueue(store: test.store)
        var numbers: [String] = []
        var cursor: QueueCursor?
        var pages = 0
        repeat {
            let page = try queue.page(QueueFilter(), sort: .oldest, today: today, after: cursor, limit: 10)
            numbers += page.entries.map(\.number)
            XCTAssertEqual(page.entries.map(\.number),
                           try queue.offsetPage(QueueFilter(), sort: .oldest, today: today, offset: pages * 10, limit: 10).map(\.number))
            cursor = page.next
            pages += 1
        } while cursor != nil
        XCTAssertEqual(pages, 3)
        XCTAssertEqual(numbers, (1...23).map { String(format: "BS-2026-%06d", $0) })

        let newest = try queue.page(QueueFilter(), sort: .newest, today: today, limit: 3)
        XCTAssertEqual(newest.entries.map(\.number), ["BS-2026-000023", "BS-2026-000022", "BS-2026-000021"])
        let before = try queue.entries(QueueFilter(), sort: .oldest, today: today,
                                       before: QueueCursor(key: "2026-11-03T01:00:00.000Z", id: 5), limit: 2)
        XCTAssertEqual(before.map(\.number), ["BS-2026-000003", "BS-2026-000004"], "the two just before, in queue order")
    }

    func testFiltersByProcedureStateAssigneeDeadlineAndAge() throws {
        try dossier("BS-1", submittedAt: "2026-11-28T20:00:00.000Z", dueOn: "2026-12-28")           // 29/11 in Nouméa
        try dossier("BS-2", state: .underReview, submittedAt: "2026-11-01T01:00:00.000Z", dueOn: "2026-11-20",
                    assignee: instructor.id)
        try dossier("IS-1", procedure: "IS", state: .awaitingPieces, submittedAt: "2026-10-01T01:00:00.000Z",
                    dueOn: "2026-12-03", assignee: instructor.id)
        try dossier("BS-3", state: .accepted, submittedAt: "2026-09-01T01:00:00.000Z", dueOn: "2026-10-01",
                    assignee: instructor.id)
        let queue = DossierQueue(store: test.store)
        func numbers(_ filter: QueueFilter, _ sort: QueueSort = .oldest) throws -> [String] {
            try queue.page(filter, sort: sort, today: today, limit: 50).entries.map(\.number)
        }
        XCTAssertEqual(try numbers(QueueFilter()), ["IS-1", "BS-2", "BS-1"], "open dossiers, oldest first; decided left out")
        XCTAssertEqual(try numbers(QueueFilter(scope: .decided)), ["BS-3"])
        XCTAssertEqual(try numbers(QueueFilter(scope: .all)), ["BS-3", "IS-1", "BS-2", "BS-1"])
        XCTAssertEqual(try numbers(QueueFilter(scope: .state(.underReview))), ["BS-2"])
        XCTAssertEqual(try numbers(QueueFilter(procedureCode: "BS")), ["BS-2", "BS-1"])
        XCTAssertEqual(try numbers(QueueFilter(assignee: .unassigned)), ["BS-1"])
        XCTAssertEqual(try numbers(QueueFilter(assignee: .agent(instructor.id))), ["IS-1", "BS-2"])
        XCTAssertEqual(try numbers(QueueFilter(deadline: .overdue)), ["BS-2"], "a decided dossier is never overdue")
        XCTAssertEqual(try numbers(QueueFilter(deadline: .within(days: 7))), ["IS-1"], "due from today on; overdue ones apart")
        XCTAssertEqual(try numbers(QueueFilter(), .dueFirst), ["BS-2", "IS-1", "BS-1"])
        XCTAssertEqual(try numbers(QueueFilter(olderThanDays: 28)), ["IS-1", "BS-2"], "deposited on 01/11, 28 days ago")
        XCTAssertEqual(try numbers(QueueFilter(olderThanDays: 29)), ["IS-1"])
        XCTAssertEqual(try numbers(QueueFilter(olderThanDays: 8, newerThanDays: 28)), ["BS-2"], "an age bucket: 8 to 28 days")
        XCTAssertEqual(try numbers(QueueFilter(newerThanDays: 27)), ["BS-1"])
        XCTAssertEqual(try numbers(QueueFilter(olderThanDays: 0)), ["IS-1", "BS-2", "BS-1"],
                       "deposited at 07:00 on 29/11 in Nouméa (20:00 UTC the day before) is 0 days old")

        let entry = try XCTUnwrap(queue.page(QueueFilter(procedureCode: "BS"), sort: .oldest, today: today, limit: 1).entries.first)
        XCTAssertEqual(entry.applicantName, "WAMYTAN Hélène")
        XCTAssertEqual(entry.assigneeName, "Jean Instructeur")
        XCTAssertTrue(entry.isOverdue(on: today))
        XCTAssertEqual(entry.ageInDays(on: today), 28)
    }

    func testQueuesWalkAnIndexInTheirOrder() throws {
        let filters: [(QueueFilter, QueueSort)] = [
            (QueueFilter(), .oldest), (QueueFilter(), .newest), (QueueFilter(), .dueFirst),
            (QueueFilter(scope: .state(.submitted)), .oldest), (QueueFilter(scope: .state(.awaitingValidation)), .dueFirst),
            (QueueFilter(procedureCode: "BS", scope: .state(.underReview)), .oldest),
            (QueueFilter(scope: .state(.underReview), assignee: .agent(3)), .oldest),
            (QueueFilter(scope: .all), .newest), (QueueFilter(scope: .decided), .oldest), (QueueFilter(scope: .all), .dueFirst),
            (QueueFilter(procedureCode: "BS"), .oldest), (QueueFilter(assignee: .unassigned, deadline: .overdue), .dueFirst),
        ]
        for (filter, sort) in filters {
            let plan = try DossierQueue(store: test.store).plan(filter, sort: sort, today: today,
                                                                after: QueueCursor(key: "2026-01-01", id: 1)).joined(separator: " | ")
            XCTAssertFalse(plan.contains("TEMP B-TREE"), "\(filter) \(sort) sorts instead of walking an index: \(plan)")
            XCTAssertTrue(plan.contains("INDEX"), "\(filter) \(sort): \(plan)")
        }
    }
}
