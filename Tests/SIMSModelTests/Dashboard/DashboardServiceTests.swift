import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The superviseur's dashboard: exact figures on a fixed set of dossiers with an injected clock,
/// and the running tallies always giving what a plain GROUP BY over the dossiers gives.
final class DashboardServiceTests: XCTestCase {
    var fixture: DashboardFixture!

    override func setUpWithError() throws { fixture = try DashboardFixture() }
    override func tearDown() { fixture.remove() }

    var dashboard: DashboardService { DashboardService(store: fixture.store) }

    func testCountsPerStateAndProcedureLeaveBrouillonsOut() throws {
        let figures = try dashboard.figures(now: TestStore.now)
        XCTAssertEqual(figures.today, CalendarDate(iso: "2026-11-29"))
        XCTAssertEqual(figures.procedures.map(\.procedureCode), ["BS", "RBS"])
        let grants = figures.procedures[0], renewals = figures.procedures[1]
        XCTAssertEqual(grants.counts, [.submitted: 2, .underReview: 1, .awaitingPieces: 1, .accepted: 6, .refused: 3,
                                       .closedWithoutAction: 1])
        XCTAssertEqual(renewals.counts, [.submitted: 1, .awaitingValidation: 1, .closedWithoutAction: 1])
        XCTAssertEqual(figures.totals.procedureCode, nil)
        XCTAssertEqual(figures.totals.counts, [.submitted: 3, .underReview: 1, .awaitingPieces: 1, .awaitingValidation: 1,
                                               .accepted: 6, .refused: 3, .closedWithoutAction: 2])
        XCTAssertEqual([grants.total, renewals.total, figures.totals.total], [14, 3, 17])
        XCTAssertEqual([grants.open, renewals.open, figures.totals.open], [4, 2, 6])
    }

    func testAgeingCountsNewCaledonianDaysSinceTheDeposit() throws {
        let figures = try dashboard.figures(now: TestStore.now)
        // BS-2026-000003 was deposited on 21/11 at 14:00 UTC, 22/11 in Nouméa: 7 days, not 8.
        XCTAssertEqual(figures.procedures[0].ageing, [.days0to7: 1, .days16to30: 1, .days31to60: 1, .over60: 1])
        XCTAssertEqual(figures.procedures[1].ageing, [.days0to7: 1, .days16to30: 1])
        XCTAssertEqual(DashboardAgeBucket.allCases.map { figures.totals.count(in: $0) }, [2, 0, 2, 1, 1])
    }

    func testDeadlinesOverdueAndDueWithinAWeek() throws {
        let figures = try dashboard.figures(now: TestStore.now)
        XCTAssertEqual(figures.procedures.map(\.overdue), [1, 1])
        XCTAssertEqual(figures.procedures.map(\.dueWithinWeek), [2, 0], "due today and on 04/12")
        XCTAssertEqual([figures.totals.overdue, figures.totals.dueWithinWeek], [2, 2])
    }

    func testProcessingTimeIsTheNearestRank90thPercentileOfThe30LastDays() throws {
        let figures = try dashboard.figures(now: TestStore.now)
        XCTAssertEqual(figures.procedures.map(\.decisions), [9, 1], "the decision of 30/10 is older than 30 days")
        XCTAssertEqual(figures.procedures.map(\.processingDaysP90), [50, 3], "BS: 9th of 9 values; RBS: its only one")
        XCTAssertEqual(figures.totals.decisions, 10)
        XCTAssertEqual(figures.totals.processingDaysP90, 40, "9th of 2, 2, 3, 5, 7, 10, 12, 29, 40, 50")
        XCTAssertNil(try dashboard.figures(now: TestStore.now.addingTimeInterval(90 * 86_400)).totals.processingDaysP90,
                     "no decision in the last 30 days")
    }

    func testThroughputListsEachOfTheLast30DaysOldestFirst() throws {
        let throughput = try dashboard.figures(now: TestStore.now).throughput
        XCTAssertEqual(throughput.count, 30)
        XCTAssertEqual(throughput.first?.day, CalendarDate(iso: "2026-10-31"))
        XCTAssertEqual(throughput.last?.day, CalendarDate(iso: "2026-11-29"))
        let busy = throughput.filter { $0.decisions > 0 }.map { "\($0.day.french) \($0.decisions)" }
        XCTAssertEqual(busy, ["31/10/2026 1", "11/11/2026 1", "20/11/2026 2", "25/11/2026 4", "26/11/2026 1", "29/11/2026 1"])
        XCTAssertEqual(DashboardText.sparkline(throughput.map(\.decisions)), "▃▁▁▁▁▁▁▁▁▁▁▃▁▁▁▁▁▁▁▁▅▁▁▁▁█▃▁▁▃")
    }

    func testLoadPerAgentStartsWithTheUnassignedDossiers() throws {
        let load = try dashboard.figures(now: TestStore.now).load
        XCTAssertEqual(load.map(\.name), ["non attribués", "Jean Instructeur", "Anne Superviseure"])
        XCTAssertEqual(load.map(\.agentID), [nil, fixture.instructor.id, fixture.supervisor.id])
        XCTAssertEqual(load.map(\.counts), [[.submitted: 3], [.underReview: 1, .awaitingPieces: 1], [.awaitingValidation: 1]])
    }

    func testOldestOpenDossiersWithTheirApplicantAssigneeAndDeadline() throws {
        let oldest = try dashboard.figures(now: TestStore.now).oldest
        XCTAssertEqual(oldest.map(\.number), ["BS-2026-000001", "BS-2026-000002", "RBS-2026-000001", "BS-2026-000004",
                                              "BS-2026-000003", "RBS-2026-000002"])
        XCTAssertEqual(oldest[0], DashboardOldDossier(id: oldest[0].id, number: "BS-2026-000001", procedureCode: "BS",
                                                      applicantName: "WAMYTAN Hélène", state: .submitted, assigneeName: nil,
                                                      submittedOn: CalendarDate(iso: "2026-09-01"),
                                                      dueOn: CalendarDate(iso: "2026-10-16"), overdue: true))
        XCTAssertEqual(oldest.map(\.overdue), [true, false, true, false, false, false], "due today is not overdue yet")
        XCTAssertEqual(oldest[1].assigneeName, "Jean Instructeur")
        XCTAssertEqual(oldest[4].submittedOn, CalendarDate(iso: "2026-11-22"), "the day in Nouméa")
    }

    func testTheNextDayMovesAgeingAndDeadlines() throws {
        let tomorrow = try dashboard.figures(now: TestStore.now.addingTimeInterval(86_400))
        XCTAssertEqual(tomorrow.today, CalendarDate(iso: "2026-11-30"))
        XCTAssertEqual(tomorrow.procedures[0].overdue, 2, "BS-2026-000004 was due yesterday")
        XCTAssertEqual(tomorrow.procedures[0].ageing[.days8to15], 1, "BS-2026-000003 is 8 days old")
        XCTAssertEqual(tomorrow.throughput.first?.day, CalendarDate(iso: "2026-11-01"))
        XCTAssertEqual(tomorrow.totals.decisions, 9, "31/10 has left the 30 days")
    }

    func testTalliedFiguresEqualTheGroupByBaseline() throws {
        XCTAssertEqual(try dashboard.figures(now: TestStore.now), try dashboard.baselineFigures(now: TestStore.now))
        // Changes of every kind, by plain SQL as an import would make them: the triggers follow.
        try fixture.execute("UPDATE dossier SET assignee_id = ?, state = 'en_instruction' WHERE number = 'BS-2026-000001'",
                            [fixture.supervisor.id])
        try fixture.execute("UPDATE dossier SET state = 'accepte', decided_at = '2026-11-29T00:10:00.000Z' WHERE number = 'BS-2026-000002'")
        try fixture.execute("UPDATE dossier SET state = 'en_instruction', decided_at = NULL WHERE number = 'BS-2026-000019'")
        try fixture.execute("UPDATE dossier SET due_on = '2026-11-30', procedure_code = 'RBS' WHERE number = 'BS-2026-000003'")
        try fixture.execute("UPDATE dossier SET state = 'depose', submitted_at = '2026-11-28T12:00:00.000Z' WHERE state = 'brouillon'")
        try fixture.execute("DELETE FROM dossier WHERE number = 'RBS-2026-000002'")
        for offset: TimeInterval in [0, 86_400, 40 * 86_400] {
            let now = TestStore.now.addingTimeInterval(offset)
            XCTAssertEqual(try dashboard.figures(now: now), try dashboard.baselineFigures(now: now), "\(offset)")
        }
        let figures = try dashboard.figures(now: TestStore.now)
        XCTAssertEqual(figures.load.map(\.name), ["non attribués", "Anne Superviseure", "Jean Instructeur"], "equal loads: by name")
        XCTAssertEqual(figures.load.map(\.total), [2, 2, 2])
        XCTAssertEqual(figures.totals.decisions, 10, "one decided today, one reopened")
    }

    func testTheReviewWorkflowKeepsTalliesAndBaselineEqual() throws {
        let test = fixture.test
        let family = try TestFamily(test)
        // The fixture's numbers were written by hand: the counter numbers after them.
        try fixture.execute("INSERT INTO dossier_number (prefix, year, last) VALUES ('BS', 2026, 100)")
        var ids: [Int64] = []
        for _ in 0..<3 {
            var intake = try DossierService(store: fixture.store).start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                                                        beneficiaryID: family.child.id, by: test.counter)
            intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
            ids.append(try DossierService(store: fixture.store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                                       by: test.counter).dossier.id)
        }
        let workflow = WorkflowService(store: fixture.store)
        let before = try dashboard.figures(now: TestStore.now)
        try workflow.perform(.claim, on: ids[0], reviewLevels: 1, by: fixture.instructor)
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[0], reviewLevels: 1,
                             by: fixture.instructor)
        try workflow.perform(.claim, on: ids[1], reviewLevels: 2, by: fixture.instructor)
        try workflow.perform(.reassign(toAgentID: fixture.supervisor.id), on: ids[1], reviewLevels: 2, by: fixture.supervisor)
        let forty = try fixture.store.sqlitePool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM dossier WHERE number = 'BS-2026-000019'")
        }
        try workflow.perform(.reopen(motif: "Recours gracieux du parent."), on: XCTUnwrap(forty), reviewLevels: 1,
                             by: fixture.supervisor)
        let after = try dashboard.figures(now: TestStore.now)
        XCTAssertEqual(after, try dashboard.baselineFigures(now: TestStore.now))
        XCTAssertEqual(after.totals.count(.accepted), before.totals.count(.accepted), "one accepted today, one reopened")
        XCTAssertEqual(after.totals.decisions, before.totals.decisions)
        XCTAssertEqual(after.throughput.last?.decisions, (before.throughput.last?.decisions ?? 0) + 1)
        XCTAssertEqual(after.throughput[25].decisions, before.throughput[25].decisions - 1, "25/11 lost the reopened decision")
        XCTAssertEqual(after.procedures[0].processingDaysP90, 50, "0, 2, 2, 5, 7, 10, 12, 29, 50: the 40 days reopened")
        XCTAssertEqual(after.load.first { $0.agentID == fixture.supervisor.id }?.counts, [.underReview: 1, .awaitingValidation: 1])
    }

    func testAnEmptyStoreHasNoFigures() throws {
        let empty = try TestStore()
        defer { empty.remove() }
        let figures = try DashboardService(store: empty.store).figures(now: TestStore.now)
        XCTAssertEqual(figures, try DashboardService(store: empty.store).baselineFigures(now: TestStore.now))
        XCTAssertEqual(figures.procedures, [])
        XCTAssertEqual(figures.totals, DashboardProcedureFigures(procedureCode: nil))
        XCTAssertEqual(figures.throughput.map(\.decisions), Array(repeating: 0, count: 30))
        XCTAssertEqual(figures.load, [])
        XCTAssertEqual(figures.oldest, [])
    }
}
