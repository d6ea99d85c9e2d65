import Foundation
import SIMSModel
import XCTest

/// A dossier from the counter to its decision, with the real binary in tmux: an instructeur takes
/// the next dossier, asks for a piece, records its arrival and proposes acceptance; a superviseur
/// sees it on the dashboard, validates it from the queue, and the dashboard's counts change.
final class ReviewJourneyTests: FamilyJourneyTestCase {
    override var agents: [(login: String, name: String, role: String)] {
        [("jinstr", "Jean Instructeur", "instructeur"), ("asup", "Anne Superviseure", "superviseur")]
    }

    /// The figures of the dashboard's BS line: « BS  0  0  0  1  0  0  0  1 … ».
    static func grantRow(_ screen: String) -> [String] {
        // The row of BS, selected (« ▸ ») or not.
        let marks = CharacterSet.whitespaces.union(CharacterSet(charactersIn: "▸"))
        guard let line = screen.split(separator: "\n").first(where: { $0.trimmingCharacters(in: marks).hasPrefix("BS ") })
        else { return [] }
        return Array(line.split(separator: " ").dropFirst().map(String.init))
    }

    func testAnInstructeurProposesAndASuperviseurValidates() throws {
        let year = CalendarDate.today(now: Date()).year
        let number = "BS-\(year)-000001"

        let instructor = try open(as: "jinstr")
        try instructor.waitFor("Bonjour Jean Instructeur")
        try instructor.keys("f")
        try instructor.waitFor("Files d'instruction")
        try instructor.waitFor(number)
        try instructor.keys("F2")
        try instructor.waitFor("Dossier \(number) pris en instruction.")
        try instructor.waitFor("État : en instruction · Agent : Jean Instructeur")
        try instructor.keys("F4")
        try instructor.waitFor("Date limite")
        try instructor.keys("C-u")
        try instructor.type("Avis d'imposition 2025")
        try instructor.keys("Tab", "Enter")
        try instructor.waitFor("le dossier attend les pièces")
        try instructor.waitFor("Pièces demandées pour le")
        try instructor.keys("F5")
        try instructor.waitFor("Pièces reçues : le dossier revient en instruction.")
        try instructor.keys("F6")
        try instructor.waitFor("◀ acceptation ▶")
        try instructor.keys("Tab")
        try instructor.type("Ressources sous le plafond.")
        try instructor.keys("Enter")
        try instructor.waitFor("Proposition d'acceptation envoyée à la validation.")
        let proposed = try instructor.waitFor("État : à valider")
        XCTAssertFalse(proposed.contains("F9Décider"), "an instructeur does not validate: \(proposed)")
        try quit(instructor)

        let before = try guichet.run(["dashboard", "--once"], as: "asup")
        XCTAssertEqual(before.status, 0, before.stderr)

        let supervisor = try open(as: "asup")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        // The dashboard: BS — déposé, en instruction, pièces, à valider, accepté, refusé, sans suite, total.
        try supervisor.keys("t")
        try supervisor.waitFor("the proposal awaits validation on the dashboard") { Self.grantRow($0).prefix(8) == ["0", "0", "0", "1", "0", "0", "0", "1"] }
        try supervisor.keys("F3")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        try supervisor.keys("f")
        try supervisor.waitFor("Files d'instruction")
        for _ in 0..<4 { try supervisor.keys("F5") }
        try supervisor.waitFor("File : à valider")
        try supervisor.waitFor(number)
        try supervisor.keys("Enter")
        try supervisor.waitFor("Proposition : acceptation par Jean Instructeur")
        try supervisor.keys("F9")
        try supervisor.waitFor("◀ acceptation ▶")
        try supervisor.keys("Tab", "Enter")
        try supervisor.waitFor("Dossier \(number) : acceptation décidée.")
        try supervisor.waitFor("Décision : accepté par Anne Superviseure")
        try supervisor.keys("F3", "F3")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        try supervisor.keys("t")
        try supervisor.waitFor("the decision counted on the dashboard") { Self.grantRow($0).prefix(8) == ["0", "0", "0", "0", "1", "0", "0", "1"] }
        try quit(supervisor)

        let after = try guichet.run(["dashboard", "--once"], as: "asup")
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertNotEqual(before.stdout, after.stdout)

        let store = try SIMSStore.open(path: guichet.database)
        let dossier = try DossierService(store: store).dossier(id: family.grantID)
        XCTAssertEqual(dossier.state, .accepted)
        let kinds = try store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM event WHERE dossier_id = ? AND kind <> 'tier.consult' ORDER BY id",
                                arguments: [family.grantID])
        }
        let readers = try store.sqlitePool.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT a.login FROM event e JOIN agent a ON a.id = e.agent_id
                WHERE e.kind = 'tier.consult' AND e.dossier_id = ? ORDER BY a.login
                """, arguments: [family.grantID])
        }
        XCTAssertEqual(readers, ["asup", "jinstr"], "opening the dossier is a consultation of the family's data")
        XCTAssertEqual(kinds, ["dossier.start", "dossier.submit", "dossier.claim", "dossier.pieces_request",
                               "dossier.pieces_received", "dossier.propose", "dossier.decide"])
        XCTAssertNil(try ChainVerifier.verify(store).firstBreak)
    }
}
