import XCTest
import SIMSModel
@testable import GuichetTUI

final class TierSearchScreenTests: XCTestCase {
    static let people: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa",
                   .postalCode: "98800", .phone: "25 12 34", .cafat: "1234567"]),
        (.person, [.givenNames: "Jérôme", .birthName: "Lefèvre", .birthDate: "02/07/1970", .commune: "Dumbéa", .postalCode: "98835"]),
        (.person, [.givenNames: "Noé", .birthName: "Wamytan", .birthDate: "10/10/2015", .commune: "Nouméa", .postalCode: "98800"]),
        (.organisation, [.companyName: "Boulangerie du Port", .ridet: "0123456.001", .legalForm: "SARL", .commune: "Païta",
                         .postalCode: "98889"]),
    ]

    func testResultsRefreshAsEachKeyIsTyped() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"))
        h.type("wam")
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène"))
        XCTAssertTrue(h.screen.contains("WAMYTAN Noé"))
        XCTAssertFalse(h.screen.contains("LEFÈVRE"))
        h.type(" hel")
        XCTAssertFalse(h.screen.contains("WAMYTAN Noé"), h.screen)
        XCTAssertEqual(h.screen, """
             Guichet · Recherche d'un tiers                      Marie Gorodey · 29/11/2026

             Rechercher : wam hel                                    1 résultat

             Nom                            Né(e) / RIDET  Commune      Tél.     Vérif.
            ▸WAMYTAN Hélène                 14/03/1985     Nouméa       25.12.34 ·











             ──────────────────────────────────────────────────────────────────────────────
             WAMYTAN Hélène — personne n° 1
             Né(e) le 14/03/1985 · Nouméa · CAFAT 1234567
             Tél. 25.12.34                Vérif. : · déclaré  ✓ vérifié sur pièce  ✔ validé


            F1Aide  F2Personne  F3Retour  F4Organis.  F7PgPréc  F8PgSuiv  F12Annuler
            """)
        XCTAssertEqual(h.terminal.cursor, CursorPosition(x: 21, y: 2))
    }

    func testAccentsTyposAndPhoneticVariantsAreForgiven() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("jerome lefebvre")
        XCTAssertTrue(h.screen.contains("LEFÈVRE Jérôme"), h.screen)
        for _ in 0..<15 { h.press(.backspace) }
        h.type("0123456")
        XCTAssertTrue(h.screen.contains("Boulangerie du Port") && h.screen.contains("0123456.001"), h.screen)
    }

    func testDownSelectsAndEnterOpensTheRecordAndRecordsTheConsultation() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("wamytan")
        h.press(.down)
        let selectedLine = h.terminal.screenLines.first { $0.contains("WAMYTAN Noé") }
        XCTAssertNotNil(selectedLine)
        XCTAssertTrue(h.screen.contains("WAMYTAN Noé — personne n° 3"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Noé"), h.line(0))
        let consultations = try h.store.sqlitePool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE kind = 'tier.consult' AND tier_id = 3")
        }
        XCTAssertEqual(consultations, 1)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"))
    }

    func testADossierNumberOrTrackingCodeTypedOffersTheDossierAndEnterOpensIt() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])[0]
        let tracking = try XCTUnwrap(try DossierService(store: h.store).dossier(id: id).trackingCode)
        h.press(.character("r"))
        h.type("bs-2026-000001")
        XCTAssertEqual(h.line(3).trimmingCharacters(in: .whitespaces),
                       "Dossier BS-2026-000001 · Demande de bourse scolaire · Entrée : ouvrir", h.screen)
        XCTAssertFalse(h.screen.contains("Aucun tiers ne correspond"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Instruction"), h.line(0))
        XCTAssertTrue(h.line(1).contains("BS-2026-000001 · Demande de bourse scolaire"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.line(0))
        // The receipt's tracking code, typed in lower case without its dash, finds it too.
        for _ in 0..<14 { h.press(.backspace) }
        h.type(tracking.lowercased().replacingOccurrences(of: "-", with: ""))
        XCTAssertTrue(h.line(3).contains("Dossier BS-2026-000001"), h.screen)
        // A name finds tiers as before, and Enter opens the tier.
        for _ in 0..<6 { h.press(.backspace) }
        h.type("wamytan lea")
        XCTAssertFalse(h.screen.contains("Dossier BS-2026-000001"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Léa"), h.line(0))
    }

    func testNothingFoundOffersToCreate() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("zzzz")
        XCTAssertTrue(h.screen.contains("Aucun tiers ne correspond. F2 : nouvelle personne, F4 : nouvelle organisation."), h.screen)
    }

    func testSearchSyntaxTypedInTheFieldIsJustText() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("NEAR(\"*-")
        XCTAssertTrue(h.screen.contains("Rechercher : NEAR(\"*-"), h.screen)
        XCTAssertFalse(h.screen.contains("✗"), h.screen)
    }

    func testF2CreatesAPersonWithTheNamesAlreadyTyped() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("kaloï paul")
        h.press(.function(2))
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"))
        XCTAssertTrue(h.screen.contains("Kaloï"), h.screen)
        XCTAssertTrue(h.screen.contains("Paul"), h.screen)
    }

    /// A screen reader follows the cursor: it goes to the selected row after ↑/↓ and back to the
    /// query at the next letter; « ▸ » says the selection in the text.
    func testTheCursorFollowsTheSelectionAndComesBackToTheQueryWhenTyping() throws {
        let h = try ScreenHarness(tiers: Self.people)
        h.press(.character("r"))
        h.type("wamytan")
        XCTAssertEqual(h.markedRows, [5], "the first result is selected, and says so:\n\(h.screen)")
        XCTAssertEqual(h.cursor, CursorPosition(x: 21, y: 2), "typing: the cursor stays in the query")
        h.press(.down)
        h.assertSelection(row: 6, reads: "WAMYTAN Noé")
        XCTAssertEqual(h.cursor?.x, 1)
        h.press(.up)
        h.assertSelection(row: 5, reads: "WAMYTAN Hélène")
        h.press(.pageDown)
        h.assertSelection(row: 6, reads: "WAMYTAN Noé")
        h.type(" n")
        XCTAssertEqual(h.cursor, CursorPosition(x: 23, y: 2), "a letter goes to the query, and so does the cursor")
        XCTAssertEqual(h.markedRows, [5], "a new search selects its first result:\n\(h.screen)")
    }
}
