import GRDB
import XCTest
@testable import SIMSModel

/// What the dossier screen reads: the actions offered to each agent, notes, the history with its
/// details, and a superviseur's bulk reassignment (all or nothing).
final class DossierReviewTests: ReviewTeamTestCase {
    func available(_ id: Int64, _ agent: Agent, levels: Int = 2) throws -> [DossierActionKind] {
        let review = try DossierReviewReader(store: test.store).review(dossierID: id)
        return DossierWorkflow.availableActions(dossier: review.facts(reviewLevels: levels), agent: agent)
    }

    func testEachAgentIsOfferedOnlyWhatTheRulesAllow() throws {
        let id = try test.submittedGrants(1)[0]
        let workflow = WorkflowService(store: test.store)
        XCTAssertEqual(try available(id, test.counter), [])
        XCTAssertEqual(try available(id, instructor), [.claim])
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        XCTAssertEqual(try available(id, instructor), [.requestPieces, .propose, .reassign])
        XCTAssertEqual(try available(id, instructor, levels: 1), [.requestPieces, .decide, .reassign])
        XCTAssertEqual(try available(id, colleague), [], "another instructeur's dossier")
        try workflow.perform(.requestPieces(pieces: ["Avis d'imposition"], dueOn: CalendarDate(iso: "2026-12-15")!),
                             on: id, reviewLevels: 2, by: instructor)
        XCTAssertEqual(try available(id, test.counter), [.piecesReceived])
        try workflow.perform(.piecesReceived, on: id, reviewLevels: 2, by: test.counter)
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 2, by: supervisor)
        XCTAssertEqual(try available(id, supervisor), [.returnProposal, .reassign], "four eyes: not their own proposal")
        XCTAssertEqual(try available(id, secondSupervisor), [.decide, .returnProposal, .reassign])
        XCTAssertEqual(try available(id, instructor), [.reassign], "the assignee may still hand it over")
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 2, by: secondSupervisor)
        XCTAssertEqual(try available(id, secondSupervisor), [.reopen])
    }

    func testAPastDateForRequestedPiecesIsRefused() throws {
        let id = try test.submittedGrants(1)[0]
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        XCTAssertThrowsError(try workflow.perform(.requestPieces(pieces: ["RIB"], dueOn: CalendarDate(iso: "2026-11-28")!),
                                                  on: id, reviewLevels: 2, by: instructor)) {
            XCTAssertEqual("\($0)", "Impossible de demander des pièces : la date limite 28/11/2026 est passée ; donnez une date à venir.")
        }
        XCTAssertEqual(try DossierService(store: test.store).dossier(id: id).state, .underReview)
    }

    func testNotesAreKeptWithTheirAuthorAndAnEventThatHoldsNotTheirText() throws {
        let id = try test.submittedGrants(1)[0]
        let notes = DossierNoteService(store: test.store)
        XCTAssertThrowsError(try notes.add("   ", to: id, by: instructor)) {
            XCTAssertEqual("\($0)", "La note est vide : écrivez le texte de la note.")
        }
        XCTAssertThrowsError(try notes.add(String(repeating: "a", count: 2001), to: id, by: instructor)) {
            XCTAssertTrue("\($0)".contains("2000 au plus"), "\($0)")
        }
        XCTAssertThrowsError(try notes.add("Rappeler", to: id, by: test.admin)) {
            XCTAssertTrue("\($0)".contains("il faut être agent d'accueil, instructeur ou superviseur"), "\($0)")
        }
        try notes.add("  Le père a appelé : avis d'imposition en cours.  ", to: id, by: instructor)
        let review = try DossierReviewReader(store: test.store).review(dossierID: id)
        XCTAssertEqual(review.notes.map(\.text), ["Le père a appelé : avis d'imposition en cours."])
        XCTAssertEqual(review.notes.first?.agentName, "Jean Instructeur")
        let payload = try test.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM event WHERE kind = 'dossier.note' AND dossier_id = ?", arguments: [id])
        }
        XCTAssertNotNil(payload)
        XCTAssertFalse(payload!.contains("avis"), "the note's text stays out of the audit payload")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testOpeningADossierIsAConsultationOfItsApplicantAndBeneficiary() throws {
        let id = try test.submittedGrants(1)[0]
        let reader = DossierReviewReader(store: test.store)
        let review = try reader.open(dossierID: id, by: instructor)
        XCTAssertThrowsError(try reader.open(dossierID: id, by: test.admin)) {
            XCTAssertTrue("\($0)".contains("consulter un dossier"), "\($0)")
        }
        let consultations = try test.store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT tier_id, agent_id, payload FROM event WHERE kind = 'tier.consult' AND dossier_id = ?",
                             arguments: [id])
        }
        XCTAssertEqual(Set(consultations.map { $0["tier_id"] as Int64 }),
                       [review.dossier.applicantID, try XCTUnwrap(review.dossier.beneficiaryID)])
        XCTAssertEqual(Set(consultations.map { $0["agent_id"] as Int64 }), [instructor.id])
        XCTAssertTrue((consultations[0]["payload"] as String).contains("BS-2026-000001"))
        let export = try TierExporter(store: test.store).export(id: review.dossier.applicantID, by: test.admin)
        XCTAssertTrue(export.contains("\"nom_agent\" : \"Jean Instructeur\""), "the RGPD export lists who read the dossier")
        XCTAssertFalse(try reader.review(dossierID: id).history.contains { $0.label == "consultation de fiche" },
                       "consultations stay out of the dossier's history")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testTheHistoryTellsWhoDidWhatWithTheDetails() throws {
        let id = try test.submittedGrants(1)[0]
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.reassign(toAgentID: colleague.id), on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.requestPieces(pieces: ["Avis d'imposition", "RIB"], dueOn: CalendarDate(iso: "2026-12-15")!),
                             on: id, reviewLevels: 2, by: colleague)
        let review = try DossierReviewReader(store: test.store).review(dossierID: id)
        XCTAssertEqual(review.history.map(\.label), ["ouverture d'un dossier en brouillon", "dépôt d'un dossier",
                                                     "prise en instruction", "réattribution", "demande de pièces"])
        XCTAssertEqual(review.history[3].detail, "à Luc Instructeur")
        XCTAssertEqual(review.history[4].detail, "Avis d'imposition, RIB · pour le 15/12/2026")
        XCTAssertEqual(review.history[4].agentName, "Luc Instructeur")
        XCTAssertEqual(review.piecesRequested, ["Avis d'imposition", "RIB"])
        XCTAssertEqual(review.piecesDueOn?.french, "15/12/2026")
        XCTAssertEqual(review.assigneeName, "Luc Instructeur")
        XCTAssertEqual(review.beneficiaryName, "WAMYTAN Léa")
    }

    func testBulkReassignmentIsAllOrNothing() throws {
        let ids = try test.submittedGrants(3)
        let workflow = WorkflowService(store: test.store)
        for id in ids { try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor) }
        XCTAssertThrowsError(try workflow.reassign(ids, to: colleague.id, by: instructor)) {
            XCTAssertTrue("\($0)".contains("il faut être superviseur"), "\($0)")
        }
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: ids[2], reviewLevels: 2, by: instructor)
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[2], reviewLevels: 2, by: supervisor)
        XCTAssertThrowsError(try workflow.reassign(ids, to: colleague.id, by: supervisor)) {
            XCTAssertTrue("\($0)".hasPrefix("Dossier BS-2026-000003 : Impossible de réattribuer le dossier : le dossier est « accepté »."), "\($0)")
            XCTAssertTrue("\($0)".hasSuffix("Aucun dossier n'a été réattribué."), "\($0)")
        }
        XCTAssertEqual(try ids.map { try DossierService(store: test.store).dossier(id: $0).assigneeID },
                       [instructor.id, instructor.id, instructor.id], "nothing written")
        try workflow.reassign(Array(ids.prefix(2)), to: colleague.id, by: supervisor)
        XCTAssertEqual(try ids.prefix(2).map { try DossierService(store: test.store).dossier(id: $0).assigneeID },
                       [colleague.id, colleague.id])
        XCTAssertThrowsError(try workflow.reassign([ids[0]], to: test.counter.id, by: supervisor)) {
            XCTAssertTrue("\($0)".contains("choisissez un instructeur ou un superviseur actif"), "\($0)")
        }
    }
}
