import Foundation
import GRDB
import SIMSModel
import XCTest

/// `guichet dashboard --once`: the superviseur's figures printed as text by the real binary, on
/// today's date (the command reads the wall clock: the dossiers are dated from it).
final class DashboardCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("the processes act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "sup1", "--name", "Anne Superviseure", "--role", "superviseur"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    /// Today in Nouméa, and `days` days ago as stored.
    private let now = Date()
    private var today: CalendarDate { CalendarDate.today(now: now) }
    private func instant(daysAgo days: Double) -> String { Timestamp.string(from: now.addingTimeInterval(-days * 86_400)) }

    /// Two open grants (one overdue, held by Anne Superviseure) and one decided after 10 days.
    private func deposit() throws {
        let store = try SIMSStore.open(path: guichet.database)
        let agent = try AgentService(store: store).authenticate(login: "accueil1")
        let supervisor = try AgentService(store: store).authenticate(login: "sup1")
        let applicant = try TierService(store: store).create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985"], by: agent)
        let rows: [(String, DossierState, Int64?, String, String?, String?)] = [
            ("BS-2026-000001", .underReview, supervisor.id, instant(daysAgo: 40), today.adding(days: -2).iso, nil),
            ("BS-2026-000002", .submitted, nil, instant(daysAgo: 3), today.adding(days: 42).iso, nil),
            ("BS-2026-000003", .accepted, supervisor.id, instant(daysAgo: 12.4), nil, instant(daysAgo: 2)),   // 10.4 days
        ]
        try store.fixtureWrite { db in
            for (number, state, assignee, submitted, due, decided) in rows {
                try db.execute(sql: """
                    INSERT INTO dossier (number, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                        created_by, assignee_id, created_at, updated_at, submitted_at, due_on, decided_at)
                    VALUES (?, 'BS', 'Demande de bourse scolaire', ?, 1, ?, '{}', ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [number, applicant.id, state.rawValue, agent.id, assignee, submitted, submitted, submitted,
                                     due, decided])
            }
        }
    }

    func testASuperviseurGetsTheFiguresAsText() throws {
        try deposit()
        let result = try guichet.run(["dashboard", "--once"], as: "sup1")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "Tableau de bord des dossiers au \(today.french)")
        XCTAssertTrue(lines.contains("BS             1       1       0       0        1       0        0      3"), result.stdout)
        XCTAssertTrue(lines.contains("BS            1       0        0        1       0        2"), "ages 3 and 40 days:\n\(result.stdout)")
        XCTAssertTrue(lines.contains("BS                1             0  ! en retard"), result.stdout)
        XCTAssertTrue(lines.contains("BS                1         10 j"), result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix(String(repeating: "▁", count: 27) + "█▁▁  1 décision") }, result.stdout)
        XCTAssertTrue(lines.contains("non attribués           1       0       0       0      1"), result.stdout)
        XCTAssertTrue(lines.contains("Anne Superviseure       0       1       0       0      1"), result.stdout)
        let oldest = try XCTUnwrap(lines.first { $0.hasPrefix("BS-2026-000001") })
        XCTAssertTrue(oldest.hasSuffix("\(today.adding(days: -40).french)  \(today.adding(days: -2).french) !"), oldest)
        XCTAssertTrue(oldest.contains("WAMYTAN Hélène  en instr.  Anne Supe…"), oldest)
        XCTAssertTrue(lines.contains("! : échéance dépassée"), result.stdout)
        let quality = try XCTUnwrap(lines.firstIndex(of: "Qualité du registre"), result.stdout)
        XCTAssertEqual(lines[quality + 1], "Personnes à l'identité vérifiée : 0 sur 1 (0 %)")
        XCTAssertTrue(lines.contains("Personnes       · 1 (100 %)        ✓ 0 (0 %)          ✔ 0 (0 %)"), result.stdout)
        XCTAssertTrue(lines.contains("Pièces périmées : 0 sur 0 (—)"), result.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, result.stdout)
        XCTAssertTrue(lines[quality...].allSatisfy { !$0.hasSuffix(" ") }, result.stdout)
    }

    func testOnlySuperviseursMaySeeIt() throws {
        let refused = try guichet.run(["dashboard", "--once"], as: "accueil1")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, "guichet : Vous ne pouvez pas consulter le tableau de bord : il faut être superviseur.\n")
    }

    func testWithoutOnceItPointsToTheApplication() throws {
        let result = try guichet.run(["dashboard"], as: "sup1")
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("Le tableau de bord en direct est dans l'application"), result.stdout)
        XCTAssertTrue(result.stdout.contains("guichet dashboard --once"), result.stdout)
    }
}
