import Foundation
import GRDB
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Deciding a pair of « Doublons » without a slip: F6 asks for a confirmation, the decided pairs
/// are listed (F9) where F11 sends one back to review, Home and End move the list, the pair's
/// help, bar and keys agree, and a merge says what it took without hiding the next pair's reasons.
final class DuplicateDecisionScreensTests: XCTestCase {
    var h: ScreenHarness!

    override func setUpWithError() throws {
        h = try DuplicateScreensTests.onePair()
    }

    /// Three records of one person: three pairs.
    private func cluster() throws -> ScreenHarness {
        let cluster = try ScreenHarness(tiers: [
            (.person, [.birthName: "Kaudre", .givenNames: "Kélly", .birthDate: "21/07/1990", .phone: "25 12 34"]),
            (.person, [.birthName: "Kaudre", .givenNames: "Kelly", .birthDate: "21/07/1990", .email: "kelly.k@mail.nc"]),
            (.person, [.birthName: "Kaudré", .givenNames: "Kély Marie", .birthDate: "21/07/1990"]),
        ])
        try DuplicateAnalysis(store: cluster.store).run(by: cluster.agent)
        return cluster
    }

    private func events(_ kind: EventKind) throws -> [String] {
        try h.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM event WHERE kind = ? ORDER BY id", arguments: [kind.rawValue])
        }
    }

    func testF6AsksForAConfirmationOnThePairAndInTheList() throws {
        h.press(.character("D"))
        h.press(.enter)
        h.press(.function(6))
        XCTAssertTrue(h.screen.contains(" Personnes différentes : n° 1 et n° 2 ? "), h.screen)
        XCTAssertTrue(h.screen.contains("La paire quittera la file tant que ces fiches ne changent pas."), h.screen)
        h.press(.escape)
        XCTAssertEqual(try DuplicateReview(store: h.store).pendingCount(), 1, "Esc decides nothing")
        XCTAssertTrue(h.screen.contains("Doublon probable"), h.screen)
        h.press(.function(3))
        h.press(.function(6))   // from the list
        XCTAssertTrue(h.screen.contains(" Personnes différentes : n° 1 et n° 2 ? "), h.screen)
        h.type("deux cousines")
        h.press(.enter)
        XCTAssertTrue(h.messageArea.contains("décision « personnes différentes » enregistrée"), h.messageArea)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
        XCTAssertEqual(try DuplicateReview(store: h.store).pendingCount(), 0)
        XCTAssertTrue(try events(.duplicatePairDecided).last?.contains("deux cousines") == true, "the motif is in the event")
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testTheDecidedPairsAreListedAndOneGoesBackToReviewWithItsEvent() throws {
        h.press(.character("D"))
        h.press(.function(6))
        h.press(.enter)
        h.press(.function(9))
        XCTAssertTrue(h.line(0).contains("Doublons décidés"), h.screen)
        XCTAssertTrue(h.screen.contains("1 paire décidée · la dernière décision d'abord"), h.screen)
        XCTAssertTrue(h.screen.contains("29/11/2026 différ.    mgorodey  1 WAMYTAN Hélène Marie 2 OUAMYTAN Helene"), h.screen)
        XCTAssertTrue(h.screen.contains("« personnes différentes » : F11 rend la paire à la revue."), h.screen)
        XCTAssertTrue(h.screen.contains("F11Rouvrir"), h.screen)
        XCTAssertFalse(h.screen.contains("F5Même"), "nothing to decide here: \(h.screen)")
        h.press(.function(11))
        XCTAssertTrue(h.screen.contains(" Rendre la paire n° 1 à la revue ? "), h.screen)
        h.type("F6 sur la mauvaise ligne")
        h.press(.enter)
        XCTAssertTrue(h.messageArea.contains("Paire n° 1 (fiches n° 1 et 2) rendue à la revue : sa décision « personnes différentes » est annulée."),
                      h.messageArea)
        XCTAssertTrue(h.screen.contains("Aucune paire décidée"), h.screen)
        XCTAssertEqual(try DuplicateReview(store: h.store).pair(id: 1)?.state, .toReview)
        XCTAssertTrue(try events(.duplicatePairReopened).last?.contains("F6 sur la mauvaise ligne") == true)
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("1 paire à revoir"), h.screen)
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testAPairSettledByAMergeSaysToUndoTheMerge() throws {
        h.press(.character("D"))
        h.press(.function(5))
        h.press(.function(9))
        XCTAssertTrue(h.screen.contains("Réglée par une fusion : Ctrl+D sur la fiche n° 1 la défait et rend la paire."), h.screen)
        h.press(.function(11))
        XCTAssertTrue(h.messageArea.contains("La paire n° 1 a été réglée par une fusion : défaites-la sur la fiche n° 1 (Ctrl+D)"),
                      h.messageArea)
        XCTAssertThrowsError(try DuplicateReview(store: h.store).reopen(pairID: 1, motif: "", by: h.agent), "the service refuses it too") {
            XCTAssertTrue("\($0)".contains("défaites cette fusion sur la fiche n° 1"), "\($0)")
        }
        XCTAssertEqual(try DuplicateReview(store: h.store).pair(id: 1)?.state, .samePerson, "nothing reopened")
    }

    func testHomeAndEndMoveTheListAndThePair() throws {
        let cluster = try cluster()
        cluster.press(.character("D"))
        let pairs = try DuplicateReview(store: cluster.store).standingQueue().map(\.pair.id)
        XCTAssertEqual(pairs.count, 3)
        cluster.press(.end)
        XCTAssertTrue(cluster.screen.contains("Paire n° \(pairs[2]) : fiche n°"), cluster.screen)
        cluster.press(.home)
        XCTAssertTrue(cluster.screen.contains("Paire n° \(pairs[0]) : fiche n°"), cluster.screen)
        cluster.press(.enter)
        cluster.press(.end)
        XCTAssertTrue(cluster.screen.contains("n° 1 : aucune valeur"), "the last field, CAFAT, none keyed: \(cluster.screen)")
        cluster.press(.home)
        XCTAssertTrue(cluster.screen.contains("n° 1 : · déclaré"), "the first field's provenance: \(cluster.screen)")
    }

    /// F1 lists what the pair's keys do: no Enter nor page keys (there is nothing to open nor to
    /// page), as the bar; Enter stays on the pair.
    func testThePairsHelpBarAndKeysAgree() throws {
        h.press(.character("D"))
        h.press(.enter)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Doublon probable"), "Enter opens nothing and stays: \(h.screen)")
        XCTAssertFalse(h.screen.contains("F7") || h.screen.contains("F8"), h.screen)
        h.press(.function(1))
        let help = h.terminal.screenLines.dropLast().joined(separator: "\n")   // the help's own bar aside
        XCTAssertTrue(help.contains("F5       Même : "), help)
        XCTAssertTrue(help.contains("F6       Différ. : "), help)
        XCTAssertTrue(help.contains("Fin      Dernier : aller à la dernière ligne"), help)
        for hidden in ["Entrée", "F7 ", "F8 ", "PgPréc", "PgSuiv", "Rouvrir", "Décidées", "Début du champ"] {
            XCTAssertFalse(help.contains(hidden), "\(hidden) does nothing on the pair: \(help)")
        }
    }

    /// The pair's header gives each record's name a row of its own: not cut to two letters.
    func testThePairShowsBothNamesWhole() throws {
        let long = try ScreenHarness(tiers: [
            (.person, [.birthName: "Kaloï-Wayenece", .givenNames: "Marie-Christine", .birthDate: "05/06/1970"]),
            (.person, [.birthName: "Kaloi-Wayenece", .givenNames: "Marie Christine", .birthDate: "05/06/1970"]),
        ])
        try DuplicateAnalysis(store: long.store).run(by: long.agent)
        long.press(.character("D"))
        long.press(.enter)
        XCTAssertTrue(long.line(4).contains("Fiche n° 1 (gardée)"), long.screen)
        XCTAssertTrue(long.line(5).contains("KALOÏ-WAYENECE Marie-Christ…"), "cut at its column's end: \(long.screen)")
        XCTAssertTrue(long.line(5).contains("KALOI-WAYENECE Marie Christ"), long.screen)
    }

    /// ROUSSEL Jérôme and an imported « Rousel Jerome »: the preview says what F5 keeps, the
    /// record keeps its spelling, and the message says what was taken from the other.
    func testTheMergeKeepsTheSurvivorsSpellingAndSaysWhatItTook() throws {
        let pair = try ScreenHarness(tiers: [
            (.person, [.birthName: "Roussel", .givenNames: "Jérôme", .birthDate: "02/07/1979", .phone: "27 33 66"]),
            (.person, [.birthName: "Rousel", .givenNames: "Jerome", .birthDate: "02/07/1979", .email: "j.roussel@mail.nc",
                       .commune: "Dumbéa"]),
        ])
        try DuplicateAnalysis(store: pair.store).run(by: pair.agent)
        pair.press(.character("D"))
        pair.press(.enter)
        XCTAssertTrue(pair.screen.contains("Nom de naissance  ◂ · Roussel"), pair.screen)
        XCTAssertTrue(pair.screen.contains("◂ ▸ valeur gardée par F5 : de n° 1, sauf de n° 2 : commune, courriel"), pair.screen)
        pair.press(.function(5))
        XCTAssertTrue(pair.messageArea.contains("2 valeurs reprises de n° 2 : commune, courriel"), pair.messageArea)
        XCTAssertTrue(pair.messageArea.hasSuffix("Ctrl+D sur la fiche n° 1 la défait."), pair.messageArea)
        let kept = try TierService(store: pair.store).snapshot(id: 1)
        XCTAssertEqual(kept.displayName, "ROUSSEL Jérôme")
        XCTAssertEqual(kept.value(.email), "j.roussel@mail.nc")
    }

    /// After a merge from the list, its two-line message leaves the next pair's reasons whole.
    func testTheMergeMessageLeavesTheNextPairsReasonsWhole() throws {
        let cluster = try cluster()
        cluster.press(.character("D"))
        cluster.press(.function(5))
        XCTAssertTrue(cluster.messageArea.contains("même personne. Fiche n°"), cluster.messageArea)
        let next = try XCTUnwrap(DuplicateReview(store: cluster.store).standingQueue().first)
        let reasons = "Raisons : " + next.pair.reasons.joined(separator: ", ")
        let shown = cluster.terminal.screenLines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(shown.contains(reasons), "\(reasons) in \(cluster.screen)")
        XCTAssertFalse(cluster.terminal.screenLines[21].contains("Raisons"), cluster.screen)
    }

    /// On the queue, the pair and the decided pairs, the selected row is said in text (« ▸ ») and
    /// holds the cursor, after each move.
    func testTheCursorAndTheMarkFollowTheSelectionOnEachList() throws {
        let cluster = try cluster()
        cluster.press(.character("D"))
        cluster.assertSelection(row: 4, reads: "")
        cluster.press(.down)
        cluster.assertSelection(row: 5, reads: "")
        cluster.press(.end)
        cluster.assertSelection(row: 6, reads: "")
        cluster.press(.home)
        cluster.assertSelection(row: 4, reads: "")
        XCTAssertEqual(cluster.cursor?.x, 1, "at the row's start")
        cluster.press(.enter)
        cluster.assertSelection(row: 6, reads: "Nom de naissance")
        cluster.press(.down)
        cluster.assertSelection(row: 7, reads: "Nom d'usage")
        cluster.press(.end)
        cluster.assertSelection(row: 17, reads: "Numéro CAFAT")
        // Two pairs decided « différentes » (on the pair, then from the list), then the decisions.
        cluster.press(.home)
        cluster.press(.function(6))
        cluster.press(.enter)
        XCTAssertTrue(cluster.app.top is DuplicateQueueScreen, cluster.screen)
        cluster.press(.function(6))
        cluster.press(.enter)
        cluster.press(.function(9))
        XCTAssertTrue(cluster.screen.contains("2 paires décidées"), cluster.screen)
        cluster.assertSelection(row: 4, reads: "29/11/2026 différ.")
        cluster.press(.down)
        cluster.assertSelection(row: 5, reads: "29/11/2026 différ.")
        cluster.press(.up)
        cluster.assertSelection(row: 4, reads: "29/11/2026 différ.")
    }
}
