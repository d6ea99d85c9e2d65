import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Doublons: the queue, a pair side by side, a decision, and the message when another
/// superviseur decided the pair first.
final class DuplicateScreensTests: XCTestCase {
    var h: ScreenHarness!

    override func setUpWithError() throws {
        h = try ScreenHarness(tiers: [
            (.person, [.birthName: "Wamytan", .givenNames: "Hélène Marie", .birthDate: "14/03/1985", .phone: "25 12 34"]),
            (.person, [.birthName: "Ouamytan", .givenNames: "Helene", .birthDate: "14/03/1985", .commune: "Nouméa",
                       .postalCode: "98800"]),
        ])
        try DuplicateAnalysis(store: h.store).run(by: h.agent)
    }

    func testTheQueueListsThePairAndOpensItSideBySide() throws {
        h.press(.character("D"))
        XCTAssertTrue(h.screen.contains("1 paire à revoir · la plus probable d'abord"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène Marie"), h.screen)
        XCTAssertTrue(h.screen.contains("OUAMYTAN Helene"), h.screen)
        h.press(.enter)
        let screen = h.screen
        XCTAssertTrue(screen.contains("Raisons : même date de naissance"), screen)
        XCTAssertTrue(screen.contains("Prénoms          ≠ · Hélène Marie"), screen)
        XCTAssertTrue(screen.contains("Date de naissance  · 14/03/1985"), screen)
        XCTAssertTrue(screen.contains("F5Même  F6Différ."), screen)
        XCTAssertTrue(screen.contains("Commune          ≠ —                             · Nouméa"), screen)
        h.press(.down)
        h.press(.down)
        XCTAssertTrue(h.screen.contains("n° 1 : · déclaré, 29/11/2026 10:00 par mgorodey · déclaré au guichet"), h.screen)
        for line in screen.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 80) }
    }

    func testSamePersonMergesThePairAndTheAbsorbedRecordRedirects() throws {
        h.press(.character("D"))
        h.press(.enter)
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Paire n° 1 : même personne."), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
        let redirect = try XCTUnwrap(TierMerger(store: h.store).redirect(of: 2), "the newer record is absorbed")
        XCTAssertEqual(redirect.survivorID, 1)
        XCTAssertEqual(try DuplicateReview(store: h.store).pendingCount(), 0)
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testDecidingDifferentPeopleRemovesThePairAndSaysSo() throws {
        h.press(.character("D"))
        h.press(.enter)
        h.press(.function(6))
        XCTAssertTrue(h.screen.contains("décision « personnes différentes »"), h.screen)
        XCTAssertTrue(h.screen.contains("enregistrée ; elle ne sera plus proposée"), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
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
