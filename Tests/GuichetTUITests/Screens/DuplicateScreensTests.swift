import Foundation
@testable import guichet
@testable import GuichetTUI
import SIMSModel
import XCTest

/// Doublons: the queue, a pair side by side, a decision, and the message when another
/// superviseur decided the pair first; the queue after merges (a pair settled by another merge
/// is neither shown nor counted; a record merged elsewhere shows as its survivor).
final class DuplicateScreensTests: XCTestCase {
    var h: ScreenHarness!

    override func setUpWithError() throws {
        h = try Self.onePair()
    }

    /// Hélène Wamytan keyed twice (n° 1 and n° 2), the analysis run: one pair to review.
    static func onePair() throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: [
            (.person, [.birthName: "Wamytan", .givenNames: "Hélène Marie", .birthDate: "14/03/1985", .phone: "25 12 34"]),
            (.person, [.birthName: "Ouamytan", .givenNames: "Helene", .birthDate: "14/03/1985", .commune: "Nouméa",
                       .postalCode: "98800"]),
        ])
        try DuplicateAnalysis(store: h.store).run(by: h.agent)
        return h
    }

    func testTheQueueListsThePairAndOpensItSideBySide() throws {
        h.press(.character("D"))
        XCTAssertTrue(h.screen.contains("1 paire à revoir · la plus probable d'abord"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène Marie"), h.screen)
        XCTAssertTrue(h.screen.contains("OUAMYTAN Helene"), h.screen)
        h.press(.enter)
        let screen = h.screen
        XCTAssertTrue(screen.contains("Raisons : même date de naissance"), screen)
        XCTAssertTrue(screen.contains("Prénoms           ◂ · Hélène Marie"), "n° 1's given names stay: \(screen)")
        XCTAssertTrue(screen.contains("Date de naissance   · 14/03/1985"), screen)
        XCTAssertTrue(screen.contains("F5Même  F6Différ."), screen)
        XCTAssertTrue(screen.contains("Commune           ▸ —                             · Nouméa"), "n° 2's commune comes: \(screen)")
        XCTAssertTrue(screen.contains("◂ ▸ valeur gardée par F5 : de n° 1, sauf de n° 2 : commune, code postal"), screen)
        h.press(.down)
        h.press(.down)
        XCTAssertTrue(h.screen.contains("n° 1 : · déclaré, 29/11/2026 10:00 par mgorodey · déclaré au guichet"), h.screen)
        for line in screen.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 80) }
    }

    func testSamePersonMergesThePairAndTheAbsorbedRecordRedirects() throws {
        h.press(.function(5))   // the home screen was drawn before the analysis: back to it
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("D                 Doublons probables à revoir (1 paire)"), h.screen)
        h.press(.character("D"))
        h.press(.enter)
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Paire n° 1 : même personne."), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("D                 Doublons probables à revoir (aucune paire)"), h.screen)
        let redirect = try XCTUnwrap(TierMerger(store: h.store).redirect(of: 2), "the newer record is absorbed")
        XCTAssertEqual(redirect.survivorID, 1)
        XCTAssertEqual(try DuplicateReview(store: h.store).pendingCount(), 0)
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testTheSelectedPairSaysWhichRecordSamePersonKeepsAndAllItsReasons() throws {
        h.press(.character("D"))
        let screen = h.screen
        XCTAssertTrue(screen.contains("Paire n° 1 : fiche n° 1 WAMYTAN Hélène Marie et fiche n° 2 OUAMYTAN Helene"), screen)
        XCTAssertTrue(screen.contains("F5 « même personne » fusionnera n° 2 dans n° 1 (F4 : l'inverse)."), screen)
        let reasons = try XCTUnwrap(DuplicateReview(store: h.store).queue().first?.reasons).joined(separator: ", ")
        XCTAssertTrue(screen.replacingOccurrences(of: "\n ", with: " ").contains("Raisons : " + reasons), screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.replacingOccurrences(of: "\n ", with: " ")
            .contains("F5 « même personne » fusionnera n° 2 dans n° 1 (F4 : l'inverse) ; F6 « personnes différentes » la retire de la file."),
                      h.screen)
    }

    func testF4KeepsTheOtherRecordFromTheListOrThePair() throws {
        h.press(.character("D"))
        h.press(.function(4))
        XCTAssertTrue(h.screen.replacingOccurrences(of: "\n ", with: " ")
            .contains("À la fusion, n° 2 gardera son numéro : F5 « même personne » fusionnera n° 1 dans n° 2."), h.screen)
        XCTAssertTrue(h.screen.contains("F5 « même personne » fusionnera n° 1 dans n° 2 (F4 : l'inverse)."), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("fusionnera n° 1 dans n° 2 (F4 : l'inverse)"), "the pair keeps the list's choice: \(h.screen)")
        XCTAssertTrue(h.screen.contains("Fiche n° 2 (gardée)"), h.screen)
        h.press(.function(4))
        XCTAssertTrue(h.screen.contains("À la fusion, n° 1 gardera son numéro"), h.screen)
        XCTAssertTrue(h.screen.contains("Fiche n° 1 (gardée)"), h.screen)
        h.press(.function(4))
        XCTAssertTrue(h.screen.contains("F4Garder"), h.screen)
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Paire n° 1 : même personne. Fiche n° 1 fusionnée dans n° 2"), h.screen)
        XCTAssertEqual(try TierMerger(store: h.store).redirect(of: 1)?.survivorID, 2, "the record chosen kept its number")
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testAPairSettledByAnotherMergeIsNeitherShownNorCounted() throws {
        let cluster = try ScreenHarness(tiers: [
            (.person, [.birthName: "Kaudre", .givenNames: "Kélly", .birthDate: "21/07/1990", .phone: "25 12 34"]),
            (.person, [.birthName: "Kaudre", .givenNames: "Kelly", .birthDate: "21/07/1990", .email: "kelly.k@mail.nc"]),
            (.person, [.birthName: "Kaudré", .givenNames: "Kély Marie", .birthDate: "21/07/1990"]),
        ])
        try DuplicateAnalysis(store: cluster.store).run(by: cluster.agent)
        XCTAssertEqual(try DuplicateReview(store: cluster.store).pendingCount(), 3, "three records of one person, three pairs")
        cluster.press(.character("D"))
        XCTAssertTrue(cluster.screen.contains("3 paires à revoir"), cluster.screen)
        cluster.press(.function(5))
        XCTAssertTrue(cluster.screen.contains("même personne. Fiche n°"), cluster.screen)
        // Of the two pairs left, one now names the two records the other does: one pair to review.
        XCTAssertTrue(cluster.screen.contains("1 paire à revoir"), cluster.screen)
        XCTAssertEqual(try DuplicateReview(store: cluster.store).standingPendingCount(), 1)
        cluster.press(.function(5))
        XCTAssertTrue(cluster.screen.contains("Aucune paire à revoir"), cluster.screen)
        XCTAssertFalse(cluster.screen.contains("✗"), "no merge refused: \(cluster.screen)")
        let merger = TierMerger(store: cluster.store)
        let ends = try [1, 2, 3].map { try merger.redirect(of: $0)?.survivorID ?? Int64($0) }
        XCTAssertEqual(Set(ends).count, 1, "the three records are one: \(ends)")
        XCTAssertTrue(try ChainVerifier.verify(cluster.store).isSound)
    }

    func testAPairWhoseRecordWasMergedElsewhereComparesItsSurvivorAndMergesIt() throws {
        try TierService(store: h.store).create(kind: .person, values: [.birthName: "Tein", .givenNames: "Anne",
                                                                        .birthDate: "02/02/1960"], by: h.agent)
        try TierMerger(store: h.store).merge(survivorID: 3, absorbedID: 2, by: h.agent, motif: "saisie en double")
        h.press(.character("D"))
        var screen = h.screen
        XCTAssertTrue(screen.contains("1 paire à revoir"), screen)
        XCTAssertTrue(screen.contains("Paire n° 1 : fiche n° 1 WAMYTAN Hélène Marie et fiche n° 3 TEIN Anne"), screen)
        XCTAssertTrue(screen.contains("Fiche n° 2 fusionnée le 29/11/2026 dans n° 3. F5 fusionne n° 1 dans n° 3."), screen)
        h.press(.enter)
        screen = h.screen
        XCTAssertTrue(screen.contains("Fiche n° 3 (gardée)"), screen)
        XCTAssertTrue(screen.contains("Fiche n° 2 fusionnée le 29/11/2026 dans n° 3. F5 « même personne » fusionnera\n n° 1 dans n° 3 (F4 : l'inverse)"),
                      screen)
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Paire n° 1 : même personne. Fiche n° 1 fusionnée dans n° 3"), h.screen)
        XCTAssertEqual(try TierMerger(store: h.store).redirect(of: 1)?.survivorID, 3)
        XCTAssertEqual(try DuplicateReview(store: h.store).pair(id: 1)?.state, .samePerson)
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testDecidingDifferentPeopleRemovesThePairAndSaysSo() throws {
        h.press(.character("D"))
        h.press(.enter)
        h.press(.function(6))
        h.press(.enter)   // confirmed, without a motif
        XCTAssertTrue(h.screen.contains("décision « personnes différentes »"), h.screen)
        XCTAssertTrue(h.screen.contains("enregistrée ; elle ne sera plus proposée"), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
        XCTAssertFalse(h.screen.contains("F5Même"), "nothing left to decide: \(h.screen)")
        XCTAssertEqual(try DuplicateReview(store: h.store).pendingCount(), 0)
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testASecondSuperviseurIsToldWhoDecidedFirst() throws {
        h.press(.character("D"))
        h.press(.enter)
        let admin = try AgentService(store: h.store).authenticate(login: "admin")
        let other = try AgentService(store: h.store).add(login: "atein", fullName: "Anne Tein", roles: [.supervisor],
                                                         services: [], by: admin)
        let pair = try XCTUnwrap(DuplicateReview(store: h.store).queue().first)
        try DuplicateReview(store: h.store).decide(pairID: pair.id, .samePerson, by: other)
        h.press(.function(6))
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Cette paire a déjà été décidée par atein le"), h.screen)
        XCTAssertEqual(try DuplicateReview(store: h.store).pair(id: pair.id)?.state, .samePerson)
    }

    func testTheJSONOutputHasOneObjectPerPair() throws {
        let text = DoublonsAnalyseCommand.json([.init(tierA: 3, tierB: 7, probability: 0.99912, reasons: ["même date de naissance"])])
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(parsed.count, 1)
        XCTAssertEqual(parsed[0]["tier_a"] as? Int, 3)
        XCTAssertEqual(parsed[0]["tier_b"] as? Int, 7)
        XCTAssertEqual(parsed[0]["probabilite"] as? Double, 0.9991)
        XCTAssertEqual(parsed[0]["raisons"] as? [String], ["même date de naissance"])
    }
}
