import Foundation
import GRDB
@testable import SIMSModel

/// A fixed set of dossiers for the dashboard's tests, written with plain SQL (the triggers keep
/// the tallies), on the test clock's day: 29/11/2026 in Nouméa.
///
/// Open: BS-2026-000001 (déposé 01/09, due 16/10: overdue), BS-2026-000002 (en instruction,
/// Jean Instructeur, due 04/12), BS-2026-000003 (attente de pièces, Jean Instructeur, deposited
/// 22/11 01:00 in Nouméa: 7 days), BS-2026-000004 (déposé 13/11, due today), RBS-2026-000001 (à
/// valider, Anne Superviseure, due 28/11: overdue), RBS-2026-000002 (déposé today). Ten decisions
/// in the last 30 days (BS: 2, 2, 5, 7, 10, 12, 29, 40, 50 days; RBS: 3 days), one older, one
/// brouillon.
struct DashboardFixture {
    let test: TestStore
    let instructor: Agent
    let supervisor: Agent
    let helene: Int64
    let luc: Int64

    init() throws {
        test = try TestStore()
        let agents = AgentService(store: test.store)
        instructor = try agents.add(login: "instr1", fullName: "Jean Instructeur", roles: [.instructor], services: [], by: test.admin)
        supervisor = try agents.add(login: "sup1", fullName: "Anne Superviseure", roles: [.supervisor], services: [], by: test.admin)
        helene = try test.person("Hélène", "Wamytan", born: "14/03/1985").id
        luc = try test.person("Luc", "Dupont", born: "02/05/1979").id
        try open("BS-2026-000001", "BS", .submitted, helene, nil, "2026-09-01T00:00:00.000Z", "2026-10-16")
        try open("BS-2026-000002", "BS", .underReview, luc, instructor.id, "2026-10-20T00:00:00.000Z", "2026-12-04")
        try open("BS-2026-000003", "BS", .awaitingPieces, helene, instructor.id, "2026-11-21T14:00:00.000Z", "2027-01-06")
        try open("BS-2026-000004", "BS", .submitted, luc, nil, "2026-11-13T00:00:00.000Z", "2026-11-29")
        try open("RBS-2026-000001", "RBS", .awaitingValidation, helene, supervisor.id, "2026-11-10T00:00:00.000Z", "2026-11-28")
        try open("RBS-2026-000002", "RBS", .submitted, luc, nil, "2026-11-29T00:00:00.000Z", "2027-01-13")
        try insert(number: nil, code: "BS", state: .draft, applicant: helene)
        try decided("BS-2026-000010", "BS", .accepted, "2026-10-01T00:00:00.000Z", "2026-11-20T00:00:00.000Z")   // 50 j
        try decided("BS-2026-000011", "BS", .refused, "2026-11-01T00:00:00.000Z", "2026-11-11T00:00:00.000Z")    // 10 j
        try decided("BS-2026-000012", "BS", .accepted, "2026-11-15T00:00:00.000Z", "2026-11-20T03:00:00.000Z")   // 5 j
        try decided("BS-2026-000013", "BS", .accepted, "2026-08-01T00:00:00.000Z", "2026-10-30T00:00:00.000Z")   // 30/10: too old
        try decided("BS-2026-000014", "BS", .refused, "2026-10-01T00:00:00.000Z", "2026-10-30T13:00:00.000Z")    // 31/10, 29 j
        try decided("BS-2026-000015", "BS", .accepted, "2026-11-23T00:00:00.000Z", "2026-11-25T00:00:00.000Z")   // 2 j
        try decided("BS-2026-000016", "BS", .accepted, "2026-11-24T00:00:00.000Z", "2026-11-26T00:00:00.000Z")   // 2 j
        try decided("BS-2026-000017", "BS", .closedWithoutAction, "2026-11-18T00:00:00.000Z", "2026-11-25T00:00:00.000Z") // 7 j
        try decided("BS-2026-000018", "BS", .refused, "2026-11-13T00:00:00.000Z", "2026-11-25T00:00:00.000Z")    // 12 j
        try decided("BS-2026-000019", "BS", .accepted, "2026-10-16T00:00:00.000Z", "2026-11-25T00:00:00.000Z")   // 40 j
        try decided("RBS-2026-000010", "RBS", .closedWithoutAction, "2026-11-25T00:00:00.000Z",
                    "2026-11-28T13:30:00.000Z")                                                                     // 29/11, 3 j
    }

    var store: SIMSStore { test.store }

    private func open(_ number: String, _ code: String, _ state: DossierState, _ applicant: Int64, _ assignee: Int64?,
                      _ submitted: String, _ due: String) throws {
        try insert(number: number, code: code, state: state, applicant: applicant, assignee: assignee, submitted: submitted, due: due)
    }

    private func decided(_ number: String, _ code: String, _ state: DossierState, _ submitted: String, _ decided: String) throws {
        try insert(number: number, code: code, state: state, applicant: luc, assignee: instructor.id, submitted: submitted,
                   due: nil, decided: decided)
    }

    /// Writes one dossier row; returns its id.
    @discardableResult
    func insert(number: String?, code: String, state: DossierState, applicant: Int64, assignee: Int64? = nil,
                submitted: String? = nil, due: String? = nil, decided: String? = nil) throws -> Int64 {
        try store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO dossier (number, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                    created_by, assignee_id, created_at, updated_at, submitted_at, due_on, decided_at)
                VALUES (?, ?, ?, ?, 1, ?, '{}', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, code, code == "BS" ? "Demande de bourse scolaire" : "Renouvellement de bourse scolaire",
                                 applicant, state.rawValue, test.counter.id, assignee, submitted ?? "2026-11-01T00:00:00.000Z",
                                 submitted ?? "2026-11-01T00:00:00.000Z", submitted, due, decided])
            return db.lastInsertedRowID
        }
    }

    /// Runs SQL on the store (a change an import or another service would make).
    func execute(_ sql: String, _ arguments: StatementArguments = []) throws {
        try store.fixtureWrite { db in try db.execute(sql: sql, arguments: arguments) }
    }

    func remove() { test.remove() }
}
