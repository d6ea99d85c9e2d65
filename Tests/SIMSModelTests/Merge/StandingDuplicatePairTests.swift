import Foundation
import XCTest
@testable import SIMSModel

/// The review queue as its records stand after merges: what the « Doublons » screen lists and
/// counts, and the survivor proposed when one record already absorbed another.
final class StandingDuplicatePairTests: XCTestCase {
    var test: TestStore!
    var supervisor: Agent!

    override func setUpWithError() throws {
        test = try TestStore(clock: SteppingClock().clock)
        supervisor = try TestReviewTeam(test).supervisor
    }

    override func tearDown() { test.remove() }

    private var review: DuplicateReview { DuplicateReview(store: test.store) }
    private var merger: TierMerger { TierMerger(store: test.store) }

    /// Three records of Kélly Kaudre, keyed with slips: the analysis files the three pairs.
    private func threeRecords() throws -> [Int64] {
        let ids = try [test.person("Kélly", "Kaudre", born: "21/07/1990", [.phone: "25 12 34"]),
                       test.person("Kelly", "Kaudre", born: "21/07/1990", [.email: "kelly.k@mail.nc"]),
                       test.person("Kély Marie", "Kaudré", born: "21/07/1990")].map(\.id)
        try DuplicateAnalysis(store: test.store).run(by: supervisor)
        XCTAssertEqual(try review.pendingCount(), 3)
        return ids
    }

    func testAPairSettledByAMergeIsNeitherListedNorCounted() throws {
        let ids = try threeRecords()
        try merger.merge(survivorID: ids[0], absorbedID: ids[2], by: supervisor, motif: nil)
        // n° 1–n° 3 is one record now; n° 2–n° 3 leads to n° 2–n° 1, already a pair of the queue.
        XCTAssertEqual(try review.pendingCount(), 3, "the stored pairs are left as they were")
        XCTAssertEqual(try review.standingPendingCount(), 1)
        let queue = try review.standingQueue()
        XCTAssertEqual(queue.map { [$0.tierA, $0.tierB] }, [[ids[0], ids[1]]])
        XCTAssertEqual(queue.first?.redirects, [])
    }

    func testARecordMergedElsewhereIsReplacedByItsSurvivor() throws {
        let ids = try threeRecords()
        let stranger = try test.person("Anne", "Tein", born: "02/02/1960").id
        // n° 3 merged into a record no pair names: its two pairs now compare n° 1 and n° 2 with n° 4.
        try merger.merge(survivorID: stranger, absorbedID: ids[2], by: supervisor, motif: nil)
        let queue = try review.standingQueue()
        XCTAssertEqual(try review.standingPendingCount(), 3)
        XCTAssertEqual(Set(queue.map { Set([$0.tierA, $0.tierB]) }),
                       [Set([ids[0], ids[1]]), Set([ids[0], stranger]), Set([ids[1], stranger])])
        let redirected = try XCTUnwrap(queue.first { $0.pair.tierB == ids[2] && $0.pair.tierA == ids[0] })
        XCTAssertEqual(redirected.redirects.map(\.absorbedID), [ids[2]])
        XCTAssertEqual(try review.standingPair(id: redirected.pair.id), redirected)
    }

    func testARecordThatAbsorbedAnotherIsTheProposedSurvivor() throws {
        let ids = try threeRecords()
        XCTAssertEqual(try merger.proposedSurvivor(ids[0], ids[1]), ids[0], "the older one")
        try merger.merge(survivorID: ids[1], absorbedID: ids[2], by: supervisor, motif: nil)
        XCTAssertEqual(try merger.proposedSurvivor(ids[0], ids[1]), ids[1], "n° 2 absorbed n° 3: it cannot be absorbed itself")
        try merger.merge(survivorID: try merger.proposedSurvivor(ids[0], ids[1]), absorbedID: ids[0], by: supervisor, motif: nil)
        XCTAssertEqual(try review.standingPendingCount(), 0)
    }

    func testUndoingAMergeSendsItsPairBackToReview() throws {
        let ids = try threeRecords()
        let pair = try XCTUnwrap(review.queue().first { $0.tierA == ids[0] && $0.tierB == ids[1] })
        try merger.merge(survivorID: ids[0], absorbedID: ids[1], by: supervisor, motif: nil, within: { db in
            try DuplicateReview.recordDecision(db, pairID: pair.id, decision: .samePerson, agentID: self.supervisor.id, at: Date())
        })
        XCTAssertEqual(try review.pair(id: pair.id)?.state, .samePerson)
        try merger.unmerge(absorbedID: ids[1], by: supervisor, motif: "pas la même personne")
        let reopened = try XCTUnwrap(review.pair(id: pair.id))
        XCTAssertEqual(reopened.state, .toReview, "undone, the merge settled nothing: the pair is to review again")
        XCTAssertTrue(try review.standingQueue().contains { $0.pair.id == pair.id })
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }
}
