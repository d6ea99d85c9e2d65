import XCTest
@testable import SIMSModel

/// The search reads each term within a budget; these tests shrink the budgets so that a small
/// store behaves as a register of a million tiers would.
final class TierSearchBudgetTests: XCTestCase {
    nonisolated(unsafe) static var fixture: TestStore!
    nonisolated(unsafe) static var target: Int64 = 0

    override class func setUp() {
        super.setUp()
        do {
            let t = try TestStore()
            var lines = "type,nom_naissance,prenoms,date_naissance\n"
            // Many Maries, many Duponts, many Duponteils; one Marie Dupont, written last.
            for i in 0..<300 {
                lines += "personne,Kaloi,Marie,\(String(format: "%02d", i % 28 + 1))/01/1990\n"
                lines += "personne,Dupont,Paul,\(String(format: "%02d", i % 28 + 1))/02/1990\n"
                lines += "personne,Duponteil,Marie,\(String(format: "%02d", i % 28 + 1))/03/1990\n"
            }
            lines += "personne,Dupont,Marie,14/03/1985\n"
            let path = t.directory + "/many.csv"
            FileManager.default.createFile(atPath: path, contents: Data(lines.utf8))
            _ = try TierImporter(store: t.store).importTiers(path: path, by: t.admin)
            target = try XCTUnwrap(TierSearch(store: t.store).search("marie dupont 14/03/1985").first?.tierID)
            fixture = t
        } catch {
            XCTFail("fixture: \(error)")
        }
    }

    override class func tearDown() {
        fixture?.remove()
        super.tearDown()
    }

    private var tight: TierSearch {
        var search = TierSearch(store: Self.fixture.store)
        search.firstReadCap = 40
        search.termCap = 60
        search.singleTermCap = 40
        search.probeBudget = 20
        search.scoreAllBelow = 10
        return search
    }

    func testACompleteNameIsFoundExactlyWhenBothWordsAreCommon() throws {
        // Each word matches hundreds of tiers, far above the budgets: the tiers of the typed words
        // themselves are still read whole, so the one Marie Dupont is found, first.
        let hits = try tight.search("marie dupont", limit: 5)
        XCTAssertEqual(hits.first?.tierID, Self.target)
        XCTAssertTrue(hits.first?.matchesAllTerms == true)
    }

    func testTwoCommonWordsTypedTogetherGiveWhatReadingThemWholeGives() throws {
        // 300 Kaloi Marie among 601 Maries: neither word is read whole within the budget; the
        // tiers that have both are found side by side, the same first ones as a roomy search's.
        let roomy = TierSearch(store: Self.fixture.store)
        for query in ["kaloi marie", "marie kaloi"] {
            let hits = try tight.search(query, limit: 5)
            XCTAssertEqual(hits.map(\.tierID), try roomy.search(query, limit: 5).map(\.tierID), query)
            XCTAssertEqual(hits.count, 5)
            XCTAssertTrue(hits.allSatisfy { $0.displayName == "KALOI Marie" && $0.matchesAllTerms }, query)
        }
        // Words that meet once are read whole as before: the one Marie Dupont.
        XCTAssertEqual(try tight.search("dupont marie", limit: 1).first?.tierID, Self.target)
    }

    func testAnIdentifyingQueryLooksTheOtherTermsUpTierByTier() throws {
        let hits = try tight.search("dupont marie 14/03/1985", limit: 5)
        XCTAssertEqual(hits.map(\.tierID), [Self.target])
    }

    func testAPrefixBeyondItsBudgetKeepsItsBestWords() throws {
        // « dupon » starts Dupont (closer to what was typed) and Duponteil: Duponts come first.
        let hits = try tight.search("dupon", limit: 10)
        XCTAssertEqual(hits.count, 10)
        XCTAssertTrue(hits.allSatisfy { $0.displayName.hasPrefix("DUPONT ") }, hits.map(\.displayName).description)
    }

    func testTheBudgetsDoNotChangeWhatASmallRegisterFinds() throws {
        let roomy = TierSearch(store: Self.fixture.store)
        for query in ["marie dupont", "dupont marie 14/03/1985", "kaloi", "duponteil marie", "mari dupon", "dupont 1985"] {
            let first = try roomy.search(query, limit: 3).first?.tierID
            XCTAssertNotNil(first, query)
        }
        XCTAssertEqual(try roomy.search("marie dupont", limit: 1).first?.tierID, Self.target)
    }
}
