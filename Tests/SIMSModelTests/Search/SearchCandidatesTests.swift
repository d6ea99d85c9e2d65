import XCTest
@testable import SIMSModel

final class SearchCandidatesTests: XCTestCase {
    private func entries(_ pairs: [(Int64, Double)]) -> [UInt64] {
        pairs.map { UInt64($0.0) << 8 | UInt64(TermPosting.code($0.1)) }
    }

    func testIntersectionKeepsCommonTiersAndAddsTheirQualities() {
        var candidates = SearchCandidates(entries([(1, 4), (3, 2), (5, 4), (9, 2)]))
        candidates.intersect(entries([(3, 4), (4, 4), (9, 3)]))
        let best = candidates.best(10).sorted { $0.id < $1.id }
        XCTAssertEqual(best.map(\.id), [3, 9])
        XCTAssertEqual(best.map(\.quality), [6, 5])
    }

    func testBestTakesTheHighestQualitiesThenTheLowestIds() {
        let candidates = SearchCandidates(entries([(1, 2), (2, 4), (3, 2), (4, 3), (5, 4), (6, 2)]))
        XCTAssertEqual(Set(candidates.best(3).map(\.id)), [2, 5, 4])
        XCTAssertEqual(Set(candidates.best(4).map(\.id)), [2, 5, 4, 1])
    }

    func testUnionCountsTheTermsEachTierMatches() {
        let union = SearchCandidates(union: [entries([(1, 2), (2, 2)]), entries([(2, 2), (3, 4)])])
        // Tier 2 matches both terms: first, although tier 3 has the best single quality.
        XCTAssertEqual(union.best(1).map(\.id), [2])
    }
}
