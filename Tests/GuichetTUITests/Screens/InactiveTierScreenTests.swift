import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Fiches inactives (superviseurs): who is listed and why, Enter opens the record, F5
/// « Conserver » asks the motif and takes the person off the list.
final class InactiveTierScreenTests: XCTestCase {
    var h: ScreenHarness!
    var paul: Int64 = 0

    override func setUpWithError() throws {
        // Ana came to the counter this year: not listed.
        h = try ScreenHarness(tiers: [(.person, [.birthName: "Recente", .givenNames: "Ana", .birthDate: "01/01/1990"])])
        paul = try Self.person(h, created: "2019-03-14", [.birthName: "Ancien", .givenNames: "Paul", .birthDate: "01/02/1950"])
        _ = try Self.person(h, created: "2020-07-02", [.birthName: "Kaloï-Wayenece", .usageName: "Dupont-Moreau",
                                                       .givenNames: "Marie-Christine Anne", .birthDate: "05/06/1970", .sex: "F"])
    }

    /// A person keyed at the counter on `created` (a store opened that day on the harness's file).
    static func person(_ h: ScreenHarness, created iso: String, _ values: [TierField: String]) throws -> Int64 {
        let day = try XCTUnwrap(CalendarDate(iso: iso))
        var components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 9)
        components.timeZone = TimeZone(identifier: "Pacific/Noumea")
        let then = try SIMSStore.open(path: h.store.path, clock: .fixed(try XCTUnwrap(Calendar(identifier: .gregorian).date(from: components))))
        defer { try? then.close() }
        return try TierService(store: then).create(kind: .person, values: values, by: h.agent).id
    }

    func testTheListSaysWhoAndWhyAndEnterOpensTheRecord() throws {
        h.press(.character("i"))
        XCTAssertEqual(h.screen, """
             Guichet · Fiches inactives                          Marie Gorodey · 29/11/2026
             2 fiches inactives : sans activité depuis le 29/11/2021 (5 ans),
             ni dossier ouvert ou sous conservation. Entrée : la fiche, pour l'effacer.

                  n°  Nom                     Dern. activité  Pourquoi
            ▸      2  ANCIEN Paul             14/03/2019      aucun dossier
                   3  DUPONT-MOREAU née KAL…  02/07/2020      aucun dossier













             n° 2 ANCIEN Paul · dernière activité le 14/03/2019 · aucun dossier


            F1Aide  F3Retour  F5Conserv.  F7PgPréc  F8PgSuiv  F12Annuler
            """)
        h.press(.down)
        XCTAssertTrue(h.screen.contains(" n° 3 DUPONT-MOREAU née KALOÏ-WAYENECE Marie-Christine Anne · dernière activité\n"
                                        + " le 02/07/2020 · aucun dossier"), "the name cut in its column is whole below: \(h.screen)")
        h.press(.up)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : ANCIEN Paul"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Fiches inactives"), h.screen)
        XCTAssertTrue(h.screen.contains("ANCIEN Paul"), "still inactive: opening a record is no activity of his")
    }

    /// Fiches inactives → Enter → Ctrl-E: the erasure form proposes « inactivité » as its ground,
    /// and the erasure is recorded and said as one for inactivity, not at the person's request.
    func testAnErasureFromTheListIsRecordedAsInactivity() throws {
        h.press(.character("i"))
        h.press(.enter)
        h.press(.ctrl("e"))
        XCTAssertTrue(h.screen.contains("Fondement :"), h.screen)
        XCTAssertTrue(h.screen.contains("◀ inactivité ▶"), h.screen)
        h.type("Inactive depuis le 14/03/2019")
        h.press(.enter)
        XCTAssertTrue(h.messageArea.contains("Fiche n° \(paul) effacée le 29/11/2026 pour inactivité (RGPD)."),
                      h.messageArea)
        XCTAssertEqual(try TierErasure(store: h.store, retention: [:]).history(tierID: paul).map(\.ground), [.inactivity])
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    /// From the search, Ctrl-E proposes the person's request; the superviseur may choose.
    func testAnErasureFromTheSearchIsAtThePersonsRequestUnlessChosen() throws {
        h.press(.character("r"))
        h.type("ancien paul")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : ANCIEN Paul"), h.screen)
        h.press(.ctrl("e"))
        XCTAssertTrue(h.screen.contains("◀ demande de la personne ▶"), h.screen)
        h.type("Inactive depuis 2019")
        h.press(.tab)
        h.press(.right)
        XCTAssertTrue(h.screen.contains("◀ inactivité ▶"), h.screen)
        h.press(.enter)
        XCTAssertEqual(try TierErasure(store: h.store, retention: [:]).history(tierID: paul).map(\.ground), [.inactivity])
    }

    func testConserverAsksTheMotifAndTakesThePersonOffTheList() throws {
        h.press(.character("i"))
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Conserver : ANCIEN Paul"), h.screen)
        XCTAssertTrue(h.screen.contains("Elle quittera la liste pour 5 ans, puis y reviendra si elle reste inactive."), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Motif : indiquez le motif de la conservation (pourquoi la fiche reste)."), h.screen)
        h.type("Contentieux en cours")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("« ANCIEN Paul » conservée : hors de la liste jusqu'au 29/11/2031."), h.screen)
        XCTAssertTrue(h.screen.contains("1 fiche inactive : sans activité"), h.screen)
        XCTAssertFalse(h.screen.contains("ANCIEN Paul              14/03/2019"), h.screen)
        let kept = try h.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT motif FROM inactive_tier_review WHERE tier_id = ?", arguments: [paul])
        }
        XCTAssertEqual(kept, "Contentieux en cours")
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testEscClosesThePromptWithNothingKept() throws {
        h.press(.character("i"))
        h.press(.function(5))
        h.type("Peut-être")
        h.press(.escape)
        XCTAssertFalse(h.screen.contains("Conserver : ANCIEN Paul"), h.screen)
        XCTAssertTrue(h.screen.contains("2 fiches inactives"), h.screen)
        XCTAssertEqual(try h.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM inactive_tier_review") }, 0)
    }

    func testAnEmptyListSaysSoOnceAndOffersNoKeyToOpenOrKeep() throws {
        let empty = try ScreenHarness(tiers: [(.person, [.birthName: "Recente", .givenNames: "Ana", .birthDate: "01/01/1990"])])
        empty.press(.character("i"))
        XCTAssertEqual(Array(empty.terminal.screenLines[1...4]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "Aucune fiche inactive : toutes les personnes ont eu une activité depuis le",
            "29/11/2021 (5 ans), ou ont un dossier ouvert ou sous conservation.",
            "",
            "",
        ])
        XCTAssertEqual(empty.screen.components(separatedBy: "Aucune fiche inactive").count, 2, "said once:\n\(empty.screen)")
        XCTAssertFalse(empty.screen.contains("Entrée"), empty.screen)
        XCTAssertEqual(empty.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F3Retour  F12Annuler")
        empty.press(.function(1))
        XCTAssertFalse(empty.screen.contains("Conserv."), empty.screen)
        XCTAssertFalse(empty.screen.contains("Ouvrir"), empty.screen)
    }

    func testTheListIsForSuperviseursAndItsKeysAreInTheHelp() throws {
        let counter = try ScreenHarness(roles: [.reception])
        counter.press(.character("i"))
        XCTAssertTrue(counter.screen.contains("La liste des fiches inactives est réservée aux superviseurs."), counter.screen)
        XCTAssertFalse(counter.screen.contains("Fiches inactives à effacer ou conserver"), counter.screen)
        h.press(.character("i"))
        h.press(.function(1))
        XCTAssertTrue(h.screen.contains("conserver la fiche choisie, avec le motif"), h.screen)
        XCTAssertTrue(h.screen.contains("ouvrir l'élément sélectionné"), h.screen)
    }

    /// The selected person is said in text (« ▸ ») and holds the cursor, after each move.
    func testTheCursorAndTheMarkFollowTheSelection() throws {
        h.press(.character("i"))
        h.assertSelection(row: 5, reads: "      2  ANCIEN Paul")
        h.press(.down)
        h.assertSelection(row: 6, reads: "      3  DUPONT-MOREAU")
        h.press(.down)
        h.assertSelection(row: 6, reads: "      3  DUPONT-MOREAU")
        h.press(.up)
        h.assertSelection(row: 5, reads: "      2  ANCIEN Paul")
    }
}
