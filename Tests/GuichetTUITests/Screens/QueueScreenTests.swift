import XCTest
import SIMSModel
@testable import GuichetTUI

/// The review queues on the 80×24 terminal: the table, « prendre le suivant », filters, keyset
/// paging, overdue dossiers, and a superviseur's bulk reassignment.
final class QueueScreenTests: XCTestCase {
    func harness(roles: Set<Role> = [.reception, .instructor]) throws -> ScreenHarness {
        try ScreenHarness(roles: roles, catalog: ScreenProcedures.catalog)
    }

    func testTheQueueListsOpenDossiersOldestFirstAndTakesTheNext() throws {
        let h = try harness()
        let ids = try ReviewFixture.grants(3, store: h.store, by: h.agent, surnames: ["Wamytan", "Gorodey", "Kasarhérou"])
        try ReviewFixture.setDue(h.store, dossier: ids[1], to: "2026-11-20")
        h.type("f")
        XCTAssertEqual(h.line(0).trimmingCharacters(in: .whitespaces),
                       "Guichet · Files d'instruction                       Marie Gorodey · 29/11/2026")
        XCTAssertEqual(Array(h.terminal.screenLines[1...6]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "File : à traiter · toutes démarches",
            "Ordre : plus anciens d'abord · page 1",
            "Numéro          Demandeur       État              Agent     Âge   Échéance",
            "▸  BS-2026-000001  WAMYTAN Hélène  déposé            —         0 j   13/01/2027",
            "BS-2026-000002  GORODEY Hélène  déposé            —         0 j  !20/11/2026",
            "BS-2026-000003  KASARHÉROU Hél… déposé            —         0 j   13/01/2027",
        ])
        XCTAssertTrue(h.line(23).hasPrefix("F1Aide  F2Prendre  F3Retour  F4Tri  F5État  F6Démarche"), h.line(23))
        // The selected dossier's line names its applicant whole.
        XCTAssertTrue(h.screen.contains("BS-2026-000001 · WAMYTAN Hélène · BS · déposé le 29/11/2026"), h.screen)

        h.press(.key(.function(2)))
        XCTAssertTrue(h.line(0).contains("Instruction"), h.screen)
        XCTAssertTrue(h.screen.contains("BS-2026-000001 · Demande de bourse scolaire"), h.screen)
        XCTAssertTrue(h.screen.contains("État : en instruction · Agent : Marie Gorodey"), h.screen)
        XCTAssertTrue(h.screen.contains("Dossier BS-2026-000001 pris en instruction."), h.screen)
        h.press(.key(.function(3)))
        XCTAssertTrue(h.line(4).contains("en instruction    Marie Go… 0 j"), h.line(4))

        h.press(.key(.function(9)))   // agent: non attribués
        XCTAssertEqual(h.line(1).trimmingCharacters(in: .whitespaces), "File : à traiter · toutes démarches · non attribués")
        XCTAssertFalse(h.screen.contains("BS-2026-000001"), h.screen)
        h.press(.key(.function(10)))  // échéance dépassée
        XCTAssertTrue(h.line(1).contains("échéance dépassée"), h.line(1))
        XCTAssertTrue(h.line(4).contains("BS-2026-000002"), h.screen)
        XCTAssertFalse(h.screen.contains("BS-2026-000003"), h.screen)
        h.press(.key(.function(5)))   // état: déposé
        XCTAssertTrue(h.line(1).hasPrefix(" File : déposé ·"), h.line(1))
    }

    func testPagesFollowEachOtherWithoutGapsAndComeBack() throws {
        let h = try harness()
        try ReviewFixture.grants(18, store: h.store, by: h.agent)
        h.type("f")
        XCTAssertTrue(h.line(4).contains("BS-2026-000001"), h.screen)
        XCTAssertTrue(h.line(18).contains("BS-2026-000015"), h.screen)
        h.press(.key(.pageDown))
        XCTAssertTrue(h.line(2).contains("page 2"), h.line(2))
        XCTAssertEqual((4...6).map { String(h.line($0).dropFirst(3).prefix(14)) },
                       ["BS-2026-000016", "BS-2026-000017", "BS-2026-000018"])
        XCTAssertTrue(h.line(7).trimmingCharacters(in: .whitespaces).isEmpty, h.screen)
        h.press(.key(.pageDown))
        XCTAssertTrue(h.screen.contains("C'est la dernière page de la file."), h.screen)
        h.press(.key(.pageUp))
        XCTAssertTrue(h.line(2).contains("page 1"), h.line(2))
        XCTAssertTrue(h.line(4).contains("BS-2026-000001"), h.screen)
    }

    func testASuperviseurReassignsMarkedDossiersAtOnce() throws {
        let h = try harness(roles: [.reception, .supervisor])
        let luc = try ReviewFixture.agent(h.store, "lwaheo", "Luc Waheo", [.instructor])
        let ids = try ReviewFixture.grants(3, store: h.store, by: h.agent)
        h.type("f")
        h.press(.key(.character(" ")), .key(.character(" ")))
        XCTAssertTrue(h.line(2).contains("2 marqués"), h.line(2))
        XCTAssertTrue(h.line(4).hasPrefix(" * BS-2026-000001"), h.line(4))
        h.type("r")
        XCTAssertTrue(h.screen.contains("Réattribuer 2 dossiers"), h.screen)
        XCTAssertTrue(h.screen.contains("◀ Luc Waheo ▶"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("2 dossiers réattribués à Luc Waheo."), h.screen)
        XCTAssertEqual(try ids.map { try DossierService(store: h.store).dossier(id: $0).assigneeID }, [luc.id, luc.id, nil])
        XCTAssertTrue(h.line(4).contains("Luc Waheo"), h.line(4))
        XCTAssertFalse(h.line(2).contains("marqué"), "marks cleared")
    }

    func testAnInstructeurCannotMarkForBulkReassignment() throws {
        let h = try harness()
        try ReviewFixture.grants(1, store: h.store, by: h.agent)
        h.type("f")
        h.press(.key(.character(" ")))
        XCTAssertTrue(h.screen.contains("Seuls les superviseurs réattribuent plusieurs dossiers à la fois."), h.screen)
    }

    func testAnEmptyQueueSaysSoAndPrendreLeSuivantSaysThereIsNothing() throws {
        let h = try harness()
        h.type("f")
        XCTAssertTrue(h.screen.contains("Aucun dossier dans cette file."), h.screen)
        h.press(.key(.function(2)))
        XCTAssertTrue(h.screen.contains("Aucun dossier déposé n'attend d'être pris."), h.screen)
    }

    /// The selected dossier is said in text (« ▸ ») and holds the cursor, after each move.
    func testTheCursorAndTheMarkFollowTheSelection() throws {
        let h = try harness()
        try ReviewFixture.grants(3, store: h.store, by: h.agent, surnames: ["Wamytan", "Gorodey", "Kasarhérou"])
        h.type("f")
        h.assertSelection(row: 4, reads: "  BS-2026-000001  WAMYTAN")
        h.press(.down)
        h.assertSelection(row: 5, reads: "  BS-2026-000002  GORODEY")
        h.press(.down)
        h.assertSelection(row: 6, reads: "  BS-2026-000003  KASARHÉROU")
        h.press(.down)
        h.assertSelection(row: 6, reads: "  BS-2026-000003")
        h.press(.up)
        h.assertSelection(row: 5, reads: "  BS-2026-000002")
    }
}
