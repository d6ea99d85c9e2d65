import XCTest
import SIMSModel
@testable import GuichetTUI

final class TierRecordScreenTests: XCTestCase {
    /// The help of a record lists what its keys do there, and none of the keys of a field it has not.
    func testTheHelpSaysWhatF9DoesHereAndListsNoFieldKeys() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"])])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.press(.function(1))
        var text = h.screen
        for _ in 0..<4 { h.press(.key(.pageDown)); text += h.screen }
        XCTAssertTrue(text.contains("F9       Dossier : ouvrir un dossier pour ce tiers : choisir la"), text)
        XCTAssertTrue(text.contains("Ctrl+E   Eff.RGPD : effacer les données de la personne"), text)
        for fieldKey in ["Ctrl+U", "Ctrl+W", "Ctrl+K", "Ctrl+A", "EffChamp", "Début"] {
            XCTAssertFalse(text.contains(fieldKey), "no « \(fieldKey) » on a screen without a field:\n\(text)")
        }
        XCTAssertFalse(text.contains("choisir le demandeur"), text)
        // F9 does what the help says: the catalogue of procedures, for this tier.
        h.press(.escape, .function(9))
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
    }

    func testTheRecordShowsEachFactWithItsProvenanceAndTheRelations() throws {
        let h = try ScreenHarness(tiers: [
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .phone: "251234"]),
            (.person, [.givenNames: "Noé", .birthName: "Wamytan", .birthDate: "10/10/2015"]),
        ])
        try TierService(store: h.store).relate(2, kind: .legalRepresentative, to: 1, by: h.agent)
        h.press(.character("r"))
        h.type("helene")
        h.press(.enter)
        XCTAssertEqual(h.screen, """
             Guichet · Fiche : WAMYTAN Hélène                    Marie Gorodey · 29/11/2026
             WAMYTAN Hélène                                       Personne n° 1 · version 1
             Champ             Valeur                    Source             Niv. Date
            ▸Nom de naissance  Wamytan                   déclaré au guichet · 0  29/11/2026
             Nom d'usage       —
             Prénoms           Hélène                    déclaré au guichet · 0  29/11/2026
             Sexe              —
             Date de naissance 14/03/1985                déclaré au guichet · 0  29/11/2026
             Lieu de naissance —
             Adresse           —
             Commune           —
             Code postal       —
             Téléphone         25.12.34                  déclaré au guichet · 0  29/11/2026
             Courriel          —
             Numéro CAFAT      —
             Mineur représenté → WAMYTAN Noé





             Saisi par mgorodey le 29/11/2026 10:00 · niveau 0 déclaré

            F1Aide  F2Vérif.  F3Retour  F4Numér.  F5Hist.  F6Modifier  F9Dossier  F10Jointes
            """)
        // Enter on the relation opens the child.
        for _ in 0..<12 { h.press(.down) }
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Noé"), h.line(0))
        XCTAssertTrue(h.screen.contains("Représentant légal → WAMYTAN Hélène"), h.screen)
    }

    func testF5ShowsTheHistoryOfTheSelectedField() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985",
                                                       .phone: "251234"])])
        try TierService(store: h.store).update(id: 1, expectedVersion: 1, changes: [.phone: "781234"], by: h.agent)
        h.press(.character("r"))
        h.type("wamytan")
        h.press(.enter)
        for _ in 0..<9 { h.press(.down) }
        h.press(.function(5))
        XCTAssertTrue(h.line(0).contains("Historique : Téléphone"), h.line(0))
        let lines = h.terminal.screenLines
        let values = lines.filter { $0.contains("déclaré au guichet") }
        XCTAssertEqual(values.count, 2)
        XCTAssertTrue(values[0].contains("78.12.34"))
        XCTAssertTrue(values[1].contains("25.12.34"))
        // Only the keys that do something here are offered.
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F3Retour  F5Hist.  F12Annuler")
    }

    func testTheRecordListsTheTiersDossiersAndEnterOpensTheSubmittedOne() throws {
        let h = try IntakeHarness()
        let grant = try h.lastYearsGrant()
        h.app.open(try TierRecordScreen(session: h.session, tierID: h.child.id))
        h.app.renderFrame()
        let row = try XCTUnwrap(h.terminal.screenLines.firstIndex { $0.contains("BS-2026-000001") }, h.screen)
        XCTAssertTrue(h.line(row).hasPrefix(" Dossier           BS-2026-000001 déposé le 29/11/2026 · Demande de bourse"),
                      h.line(row))
        h.press(.pageDown, .pageDown, .key(.enter))   // the last line is the dossier
        XCTAssertTrue(h.line(0).contains("Instruction"), h.screen)
        XCTAssertTrue(h.line(1).contains("BS-2026-000001 · Demande de bourse scolaire · suivi \(grant.receipt.trackingCode)"),
                      h.line(1))
        XCTAssertTrue(h.line(4).contains("échéance le 13/01/2027"), h.line(4))
        XCTAssertTrue(h.line(21).contains("Actions : n Note"), "an agent d'accueil may only add a note now: \(h.line(21))")
    }

    /// The selected line of the record is said in text (« ▸ ») and holds the cursor, after each move.
    func testTheCursorAndTheMarkFollowTheSelectedLine() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"])])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.app.renderFrame()
        h.assertSelection(row: 3, reads: "Nom de naissance  Wamytan")
        h.press(.down)
        h.assertSelection(row: 4, reads: "Nom d'usage       —")
        h.press(.pageDown)
        h.assertSelection(row: 14, reads: "Numéro CAFAT")
        h.press(.up)
        h.assertSelection(row: 13, reads: "Courriel")
    }
}
