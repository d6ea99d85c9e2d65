import XCTest
import GRDB
import SIMSModel
@testable import GuichetTUI

/// « Effacement » from a tier's record at 80×24 (Ctrl-E, superviseurs): the form lists what a
/// retention keeps with its date and what goes, asks the request as motif, then erases.
final class TierErasureScreenTests: XCTestCase {
    static let person: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa",
                   .postalCode: "98800", .phone: "25 12 34"]),
    ]

    func testAPersonWithADecidedDossierKeepsItAndHerIdentity() throws {
        let h = try ScreenHarness(roles: [.reception, .supervisor],
                                  catalog: ProcedureCatalog(procedures: [ScreenProcedures.schoolGrant]))
        let ids = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])
        let instructor = try ReviewFixture.agent(h.store, "jpoithili", "Jean Poithili", [.instructor])
        let workflow = WorkflowService(store: h.store)
        try workflow.perform(.claim, on: ids[0], reviewLevels: 1, by: instructor)
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[0], reviewLevels: 1,
                             retentionYears: 10, by: instructor)
        try TierService(store: h.store).update(id: 1, expectedVersion: 1, changes: [.phone: "25 12 34"], by: h.agent)
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("25.12.34") || h.screen.contains("25 12 34"), h.screen)

        h.press(.key(.character("e"), modifiers: .control))
        XCTAssertTrue(h.screen.contains(" Effacer les données de la personne (RGPD) "), h.screen)
        XCTAssertTrue(h.screen.contains("Conservé (durée de conservation légale) :"), h.screen)
        XCTAssertTrue(h.screen.contains("- dossier BS-2026-000001 : conservation 10 ans, jusqu'au 29/11/2036"), h.screen)
        XCTAssertTrue(h.screen.contains("- identité (nom de naissance, nom d'usage, prénoms, sexe, date de naissance,"), h.screen)
        XCTAssertTrue(h.screen.contains("Effacé :"), h.screen)
        XCTAssertTrue(h.screen.contains("- 1 fait et son historique (téléphone)"), h.screen)
        XCTAssertFalse(h.screen.contains("la fiche elle-même"), "the record stays: a dossier names the person")
        // Enter without the request: refused in the form, nothing erased.
        h.press(.key(.enter))
        XCTAssertTrue(h.screen.contains("✗ Motif : indiquez le motif de l'effacement"), h.screen)
        h.type("Courrier du 28/11/2026")
        h.press(.key(.enter))
        XCTAssertEqual(h.messageArea, "Données effacées, sauf ce que la loi conserve : dossier BS-2026-000001, identité "
                       + "(durées et dates dans l'export RGPD).")
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        XCTAssertFalse(h.screen.contains("25.12.34") || h.screen.contains("25 12 34"), "the phone is gone: \(h.screen)")
        XCTAssertTrue(h.screen.contains("14/03/1985"), "the identity stays")
        XCTAssertTrue(h.screen.contains("BS-2026-000001 accepté (déposé le 29/11/2026) · Demande de…"), "the dossier stays: \(h.screen)")
        // The phone's history says what happened to it.
        let phoneRow = try XCTUnwrap((0..<24).first { h.line($0).hasPrefix(" Téléphone") })
        for _ in 3..<phoneRow { h.press(.key(.down)) }   // the first line (row 3) is selected
        h.press(.key(.function(5)))
        XCTAssertTrue(h.line(0).contains("Historique : Téléphone"), h.screen)
        XCTAssertTrue(h.screen.contains("Valeurs effacées le 29/11/2026 à la demande de la personne (RGPD)."), h.screen)
        XCTAssertEqual(try TierErasure(store: h.store, retention: [:]).history(tierID: 1).map(\.motif), ["Courrier du 28/11/2026"])
    }

    func testAPersonWithoutDossierIsErasedAndTheRecordCloses() throws {
        let h = try ScreenHarness(tiers: Self.person, roles: [.reception, .supervisor])
        h.press(.character("r"))
        h.type("wamytan")
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        h.press(.key(.character("e"), modifiers: .control))
        XCTAssertTrue(h.screen.contains("Conservé (durée de conservation légale) : rien."), h.screen)
        XCTAssertTrue(h.screen.contains("- la fiche elle-même : il n'en restera que son numéro"), h.screen)
        // Esc: nothing erased.
        h.press(.key(.escape))
        XCTAssertFalse(h.screen.contains("Effacer les données"), h.screen)
        XCTAssertEqual(try TierErasure(store: h.store, retention: [:]).history(tierID: 1), [])
        h.press(.key(.character("e"), modifiers: .control))
        h.type("Demande orale au guichet, pièce d'identité vue")
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.screen)
        XCTAssertTrue(h.messageArea.contains("Fiche n° 1 effacée le 29/11/2026 à la demande de la personne (RGPD). Il n'en reste que son numéro."),
                      h.messageArea)
        XCTAssertFalse(h.screen.contains("14/03/1985"), h.screen)
        // Asked again by its number: the notice, not a record.
        XCTAssertThrowsError(try TierRecordScreen(session: h.session, tierID: 1)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Fiche n° 1 effacée le 29/11/2026"), "\(error)")
        }
    }

    func testOnlyASupervisorErases() throws {
        let h = try ScreenHarness(tiers: Self.person, roles: [.reception])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.app.renderFrame()
        h.press(.key(.character("e"), modifiers: .control))
        XCTAssertTrue(h.messageArea.contains("Seul un superviseur peut effacer les données d'une personne"), h.messageArea)
        XCTAssertFalse(h.screen.contains("Effacer les données"), h.screen)
    }
}
