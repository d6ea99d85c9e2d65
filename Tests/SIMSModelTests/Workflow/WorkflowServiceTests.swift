import GRDB
import XCTest
@testable import SIMSModel

/// Review in the store: « prendre le suivant », the path to a decision with its events, four eyes,
/// and two agents taking dossiers at the same time never getting the same one.
final class WorkflowServiceTests: ReviewTeamTestCase {
    func testFromDepositToAValidatedDecisionEveryStepIsAnEvent() throws {
        let ids = try test.submittedGrants(2)
        let workflow = WorkflowService(store: test.store)
        let taken = try XCTUnwrap(workflow.takeNext(by: instructor))
        XCTAssertEqual(taken.id, ids[0], "the oldest first")
        XCTAssertEqual(taken.state, .underReview)
        XCTAssertEqual(taken.assigneeID, instructor.id)
        try workflow.perform(.requestPieces(pieces: ["Avis d'imposition 2025"], dueOn: CalendarDate(iso: "2026-12-20")!),
                             on: taken.id, reviewLevels: 2, by: instructor)
        try workflow.perform(.piecesReceived, on: taken.id, reviewLevels: 2, by: test.counter)
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: taken.id, reviewLevels: 2, by: instructor)
        let decided = try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: taken.id,
                                           reviewLevels: 2, by: supervisor)
        XCTAssertEqual(decided.state, .accepted)
        let kinds = try test.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM event WHERE dossier_id = ? ORDER BY id", arguments: [taken.id])
        }
        XCTAssertEqual(kinds, ["dossier.start", "dossier.submit", "dossier.claim", "dossier.pieces_request",
                               "dossier.pieces_received", "dossier.propose", "dossier.decide"])
        XCTAssertThrowsError(try workflow.perform(.reopen(motif: "?"), on: taken.id, reviewLevels: 2, by: supervisor)) {
            XCTAssertEqual("\($0)", "Impossible de rouvrir le dossier : indiquez le motif (au moins 5 caractères).")
        }
        let reopened = try workflow.perform(.reopen(motif: "Recours gracieux du parent."), on: taken.id, reviewLevels: 2, by: supervisor)
        XCTAssertEqual(reopened.state, .underReview)
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testTheProposerCannotValidateTheirOwnProposal() throws {
        let id = try test.submittedGrants(1)[0]
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: supervisor)
        try workflow.perform(.propose(.refused, motif: "Ressources au-dessus du plafond."), on: id, reviewLevels: 2, by: supervisor)
        XCTAssertThrowsError(try workflow.perform(.decide(.refused, motif: "Ressources au-dessus du plafond."), on: id,
                                                  reviewLevels: 2, by: supervisor)) {
            XCTAssertTrue("\($0)".contains("principe des quatre yeux"), "\($0)")
        }
        XCTAssertEqual(try DossierService(store: test.store).dossier(id: id).state, .awaitingValidation, "nothing written")
        let decided = try workflow.perform(.decide(.refused, motif: "Ressources au-dessus du plafond."), on: id,
                                           reviewLevels: 2, by: secondSupervisor)
        XCTAssertEqual(decided.state, .refused)
    }

    func testTwoAgentsTakingTheNextAtOnceNeverGetTheSameDossier() throws {
        let ids = try test.submittedGrants(12)
        let other = colleague!
        // Two connections pools on the same file, as two processes would have.
        let second = try SIMSStore.open(path: test.store.path)
        let group = DispatchGroup()
        let claims = Claims()
        for (store, agent) in [(test.store, instructor!), (second, other)] {
            DispatchQueue.global().async(group: group) {
                while let dossier = try? WorkflowService(store: store).takeNext(by: agent) { claims.add(dossier.id) }
            }
        }
        group.wait()
        let taken = claims.ids
        XCTAssertEqual(taken.sorted(), ids)
        XCTAssertEqual(Set(taken).count, taken.count, "no dossier claimed twice")
    }
}

/// The dossiers claimed by concurrent agents, collected under a lock.
private final class Claims: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed: [Int64] = []

    func add(_ id: Int64) {
        lock.lock()
        claimed.append(id)
        lock.unlock()
    }

    var ids: [Int64] {
        lock.lock()
        defer { lock.unlock() }
        return claimed
    }
}
