import XCTest
import SIMSModel
@testable import GuichetTUI

/// Verifying and validating facts from a tier's record, on the 80×24 terminal.
final class TierVerificationScreenTests: XCTestCase {
    private func harness(roles: Set<Role> = [.reception, .supervisor]) throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: [
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .phone: "251234"]),
        ], roles: roles)
        let documents = DocumentService(store: h.store)
        try documents.register(type: .bankDetails, issuedOn: "2026-01-10", owners: [1], by: h.agent)
        try documents.register(type: .identityDocument, issuedOn: "2024-03-12", owners: [1], by: h.agent)
        h.press(.character("r"))
        h.type("helene")
        h.press(.enter)
        return h
    }

    func testMarkedFactsAreVerifiedOnTheIdentityCardChosenAndTheRecordSaysSo() throws {
        let h = try harness()
        h.press(.character(" "), .down, .character(" "), .down, .character(" "))
        XCTAssertTrue(h.line(3).hasPrefix(" ■ Nom de naissan… Wamytan"), h.line(3))
        XCTAssertTrue(h.line(5).hasPrefix(" ■ Prénoms         Hélène"), h.line(5))
        h.press(.function(2))
        XCTAssertEqual(Array(h.terminal.screenLines[19...23]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "── Vérifier sur pièce : Nom de naissance, Prénoms, Date de naissance ───────────",
            "▸Pièce : ◀ Pièce d'identité du 12/03/2024 ▶",
            "Entrée : valider · Tab : champ suivant · Échap : annuler · ←/→ : choisir",
            "",
            "F1Aide  F12Annuler",
        ])
        h.press(.right)
        XCTAssertTrue(h.line(20).contains("◀ Relevé d'identité bancaire du 10/01/2026 (ne prouve pas) ▶"), h.line(20))
        h.press(.right)
        XCTAssertTrue(h.line(20).contains("◀ Numériser une pièce maintenant ▶"), h.line(20))
        h.press(.left, .left, .enter)
        XCTAssertEqual(h.messageArea.trimmingCharacters(in: .whitespaces), "3 faits vérifiés sur Pièce d'identité du 12/03/2024.")
        XCTAssertTrue(h.line(1).contains("version 2"), h.line(1))
        XCTAssertEqual(h.line(3), " Nom de naissance  Wamytan                   Pièce d'identité   ✓ 1  29/11/2026 ")
        XCTAssertTrue(h.line(12).contains("Téléphone         25.12.34                  déclaré au guichet · 0"), h.line(12))
        h.press(.up)
        XCTAssertTrue(h.screen.contains("vérifié sur Pièce d'identité du 12/03/2024 · par mgorodey le 29/11/2026 10:00"),
                      h.screen)
        let hit = try XCTUnwrap(TierSearch(store: h.store).search("helene wamytan").first)
        XCTAssertEqual(hit.minLevel, .checkedAgainstDocument)
    }

    func testADocumentThatCannotProveTheFactIsRefusedInTheFormWithWhy() throws {
        let h = try harness()
        for _ in 0..<9 { h.press(.down) }
        XCTAssertTrue(h.line(12).contains("Téléphone"), h.line(12))
        h.press(.function(2))
        h.press(.enter)
        XCTAssertEqual(h.line(20).trimmingCharacters(in: .whitespaces) + " " + h.line(21).trimmingCharacters(in: .whitespaces),
                       "✗ Un relevé d'identité bancaire (RIB) ne prouve pas le téléphone : aucune pièce ne prouve ce fait.",
                       "the whole reason, in the form")
        XCTAssertEqual(h.line(22).trimmingCharacters(in: .whitespaces), "", "and not a second time on the message line")
        XCTAssertTrue(h.line(1).contains("version 1"), "nothing written: \(h.line(1))")
        h.press(.escape)
        XCTAssertFalse(h.screen.contains("Vérifier sur pièce"), h.screen)
    }

    func testALongRefusalIsShownOnceWithItsWholeRemedyAndGoesWhenAnotherPieceIsChosen() throws {
        let h = try harness()
        for _ in 0..<4 { h.press(.down) }
        XCTAssertTrue(h.line(7).contains("Date de naissance"), h.line(7))
        h.press(.function(2), .right)
        XCTAssertTrue(h.screen.contains("◀ Relevé d'identité bancaire du 10/01/2026 (ne prouve pas) ▶"), h.screen)
        h.press(.enter)
        let refusal = "✗ " + (DocumentProof.refusal(try DocumentService(store: h.store).documents(ownedBy: 1)
            .first { $0.type == .bankDetails }!, proving: [.birthDate], of: 1, today: h.session.clock.today()) ?? "")
        XCTAssertGreaterThan(refusal.count, 78, "a refusal longer than a line: \(refusal)")
        let shown = h.terminal.screenLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(shown.contains(refusal), "the whole refusal, remedy included:\n\(h.screen)")
        XCTAssertEqual(shown.components(separatedBy: "ne prouve pas la date de naissance").count, 2, "said once:\n\(h.screen)")
        XCTAssertFalse(h.screen.contains("…"), h.screen)
        // Another piece chosen: the refusal was about the other one, it goes.
        h.press(.left)
        XCTAssertTrue(h.screen.contains("◀ Pièce d'identité du 12/03/2024 ▶"), h.screen)
        XCTAssertFalse(h.screen.contains("✗"), h.screen)
        XCTAssertTrue(h.screen.contains("Entrée : valider · Tab : champ suivant · Échap : annuler"), h.screen)
    }

    func testAColleagueWhoVerifiedFirstWinsAndTheAgentIsTold() throws {
        let h = try harness()
        let colleague = try AgentService(store: h.store).add(login: "lkaloi", fullName: "Lise Kaloï", roles: [.instructor],
                                                              services: [], by: try AgentService(store: h.store).authenticate(login: "admin"))
        let card = try XCTUnwrap(DocumentService(store: h.store).documents(ownedBy: 1).first { $0.type == .identityDocument })
        try FactVerificationService(store: h.store).verify(tierID: 1, expectedVersion: 1, fields: [.birthDate],
                                                           documentID: card.id, by: colleague)
        for _ in 0..<4 { h.press(.down) }
        h.press(.function(2), .enter)
        XCTAssertTrue(h.line(20).contains("✗ Fiche modifiée entre-temps par lkaloi (Date de naissance) : elle est"), h.screen)
        XCTAssertTrue(h.line(21).contains("rechargée ; relisez-la, puis Entrée pour confirmer ou Échap."), h.screen)
        XCTAssertTrue(h.line(1).contains("version 2"), "reloaded: \(h.line(1))")
        XCTAssertTrue(h.line(7).contains("✓ 1"), h.line(7))
    }

    func testASuperviseurValidatesWithAMotifAnAgentDAccueilIsNotOffered() throws {
        let h = try harness()
        h.press(.ctrl("v"))
        XCTAssertTrue(h.screen.contains("Valider : Nom de naissance"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.line(21).contains("✗ Motif : dites sur quoi repose la validation"), h.screen)
        h.type("Acte de naissance vu")
        h.press(.enter)
        XCTAssertTrue(h.line(3).contains("validé             ✔ 2"), h.line(3))
        XCTAssertTrue(h.screen.contains("validé : « Acte de naissance vu » · par mgorodey"), h.screen)

        let counter = try harness(roles: [.reception])
        counter.press(.ctrl("v"))
        XCTAssertFalse(counter.screen.contains("Valider :"), counter.screen)
        XCTAssertTrue(counter.messageArea.contains("Seul un superviseur peut valider un fait"), counter.messageArea)
    }
}
