import XCTest
import SIMSModel
@testable import GuichetTUI

/// The dossier under review: header, tabs, only the allowed actions, prompts that keep what was
/// typed after a refusal, four eyes, notes, and the next dossier of the queue.
final class DossierReviewScreenTests: XCTestCase {
    func open(_ h: ScreenHarness, _ id: Int64, queue: (QueueFilter, QueueSort)? = (QueueFilter(), .oldest)) throws -> DossierReviewScreen {
        let screen = try DossierReviewScreen(session: h.session, dossierID: id, queue: queue.map { (filter: $0.0, sort: $0.1) })
        h.app.open(screen)
        h.app.renderFrame()
        return screen
    }

    func testADossierWhoseDemarcheLeftTheCatalogueSaysSoAndShowsItsDatesInFrench() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ProcedureCatalog(procedures: []))
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])[0]
        // A date answer as the store keeps it (ISO), as a démarche with a date field wrote it.
        try h.store.fixtureWrite { db in
            try db.execute(sql: "UPDATE dossier SET answers = json_set(answers, '$.\"demandeur.date_naissance\"', '1985-03-14') WHERE id = ?",
                           arguments: [id])
        }
        _ = try open(h, id)
        XCTAssertTrue(h.screen.contains("Démarche BS absente du catalogue : réponses telles qu'enregistrées."), h.screen)
        XCTAssertTrue(h.screen.contains("demandeur.date_naissance : 14/03/1985"), "the applicant's birth date in French: \(h.screen)")
        XCTAssertFalse(h.screen.contains("1985-03-14"), h.screen)
        XCTAssertTrue(h.screen.contains("classe : CM1"), h.screen)
    }

    func testAnInstructeurRequestsPiecesThenProposesWithOnlyTheAllowedActionsOffered() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])[0]
        let screen = try open(h, id)
        XCTAssertEqual(Array(h.terminal.screenLines[1...6]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "BS-2026-000001 · Demande de bourse scolaire · suivi \(screen.review?.dossier.trackingCode ?? "?")",
            "Demandeur : WAMYTAN Hélène · Bénéficiaire : WAMYTAN Léa",
            "État : déposé · Agent : non attribué",
            "Déposé le 29/11/2026 · échéance le 13/01/2027",
            "",
            "[Champs]  Pièces   Historique (2)   Notes internes",
        ])
        XCTAssertTrue(h.screen.contains("Classe                        CM1"), h.screen)
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F2Prendre  F3Retour  F7Dos.préc  F8Dos.suiv")
        XCTAssertTrue(h.line(21).contains("Actions : F2 Prendre le dossier · n Note"), h.line(21))

        h.press(.key(.function(2)))
        XCTAssertEqual(screen.review?.dossier.state, .underReview)
        XCTAssertTrue(h.line(3).contains("État : en instruction · Agent : Marie Gorodey"), h.line(3))
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces),
                       "F1Aide  F3Retour  F4DemPièce  F6Proposer  F7Dos.préc  F8Dos.suiv")

        h.press(.key(.function(9)))   // not offered: refused with the rules' reason
        XCTAssertTrue(h.screen.contains("✗ Impossible de décider : le dossier est « en instruction »"), h.screen)

        h.press(.key(.function(4)))
        // The list opens at its beginning (its first piece shows), whatever its length.
        XCTAssertTrue(h.screen.contains("Pièces demandées : Pièce d'identité, Justificatif de domicile"), h.screen)
        XCTAssertTrue(h.screen.contains("Date limite :      14/12/2026"), "today + 15 days: \(h.screen)")
        XCTAssertTrue(h.screen.contains("Entrée : valider"), h.screen)
        h.press(.tab)
        for _ in 0..<10 { h.press(.key(.backspace)) }
        h.type("01/11/2026")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✗ Impossible de demander des pièces : la date limite 01/11/2026 est passée"), h.screen)
        XCTAssertTrue(h.screen.contains("Date limite"), "the prompt stays open")
        for _ in 0..<10 { h.press(.key(.backspace)) }
        h.type("15/12/2026")
        h.press(.enter)
        XCTAssertEqual(screen.review?.dossier.state, .awaitingPieces)
        XCTAssertTrue(h.line(5).contains("Pièces demandées pour le 15/12/2026 : Pièce d'identité"), h.line(4))
        XCTAssertTrue(h.line(23).contains("F5Reçues"), h.line(23))

        h.press(.key(.function(5)))
        XCTAssertEqual(screen.review?.dossier.state, .underReview)
        h.press(.key(.function(6)))
        h.press(.key(.right))       // refus
        h.press(.tab)
        h.type("Vu")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✗ Impossible de proposer une décision : indiquez le motif (au moins 5"), h.screen)
        for _ in 0..<2 { h.press(.key(.backspace)) }
        h.type("Ressources au-dessus du plafond.")
        h.press(.enter)
        XCTAssertEqual(screen.review?.dossier.state, .awaitingValidation)
        XCTAssertTrue(h.line(5).contains("Proposition : refus par Marie Gorodey — « Ressources au-dessus du plafond. »"), h.line(4))
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F3Retour  F7Dos.préc  F8Dos.suiv")
    }

    /// The words on two lines of the screen, joined: a wrapped message read whole.
    private func flowing(_ h: ScreenHarness) -> String {
        h.terminal.screenLines.joined(separator: " ").split(separator: " ").joined(separator: " ")
    }

    func testTextTypedOnTheDecisionChoiceIsNotSwallowedAndARefusalKeepsItsEnd() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])[0]
        let screen = try open(h, id)
        h.press(.key(.function(2)))
        h.press(.key(.function(6)))
        // The motif typed while the choice has the focus: its first letter picks nothing, and says so.
        h.type("Vu")
        XCTAssertTrue(flowing(h).contains("✗ Décision proposée : aucun choix ne commence par « u » (acceptation, refus, "
                                          + "classement sans suite) ; "
                                          + "Tab : champ suivant."), h.screen)
        XCTAssertTrue(h.screen.contains("Décision proposée : ◀ acceptation ▶"), "the choice is unchanged: \(h.screen)")
        // Enter without a motif: the refusal shows whole, and the focus goes to the motif.
        h.press(.enter)
        XCTAssertTrue(flowing(h).contains("✗ Impossible de proposer une décision : indiquez le motif (au moins 5 caractères)."),
                      h.screen)
        h.type("Ressources sous le plafond.")
        h.press(.enter)
        XCTAssertEqual(screen.review?.dossier.state, .awaitingValidation)
        XCTAssertTrue(h.line(5).contains("Proposition : acceptation par Marie Gorodey — « Ressources sous le plafond. »"), h.screen)
    }

    func testASuperviseurValidatesAnotherAgentsProposalButNotTheirOwn() throws {
        let h = try ScreenHarness(roles: [.reception, .supervisor], catalog: ScreenProcedures.catalog)
        let jean = try ReviewFixture.agent(h.store, "jinstr", "Jean Instructeur", [.instructor])
        let ids = try ReviewFixture.grants(2, store: h.store, by: h.agent)
        let workflow = WorkflowService(store: h.store)
        for (id, agent) in [(ids[0], jean), (ids[1], h.agent)] {
            try workflow.perform(.claim, on: id, reviewLevels: 2, by: agent)
            try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 2, by: agent)
        }
        let screen = try open(h, ids[1])
        XCTAssertFalse(h.line(23).contains("Décider"), h.line(23))
        h.press(.key(.function(9)))
        XCTAssertTrue(h.screen.contains("principe des quatre yeux"), h.screen)

        h.press(.key(.function(7)))   // the previous dossier of the queue: Jean's proposal
        XCTAssertEqual(screen.dossierID, ids[0])
        XCTAssertTrue(h.line(23).contains("F9Décider"), h.line(23))
        h.press(.key(.function(9)))
        XCTAssertTrue(h.screen.contains("◀ acceptation ▶"), "the proposal preselected: \(h.screen)")
        h.press(.tab, .enter)         // the proposal's motif is kept
        XCTAssertEqual(screen.review?.dossier.state, .accepted)
        XCTAssertTrue(h.line(5).contains("Décision : accepté par Marie Gorodey le 29/11/2026 — « Ressources sous le"), h.line(5))
        XCTAssertTrue(h.line(23).contains("F11Rouvrir"), h.line(23))
        h.press(.key(.function(7)))
        XCTAssertTrue(h.screen.contains("C'est le premier dossier de la file."), h.screen)
    }

    func testAColleaguesClaimMeanwhileIsShownWithTheRefusal() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let luc = try ReviewFixture.agent(h.store, "lwaheo", "Luc Waheo", [.instructor])
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent)[0]
        let screen = try open(h, id)
        XCTAssertTrue(h.line(3).contains("Agent : non attribué"), h.line(3))
        try WorkflowService(store: h.store).perform(.claim, on: id, reviewLevels: 2, by: luc)   // another process
        h.press(.key(.function(2)))
        XCTAssertTrue(h.messageArea.contains("✗ Impossible de prendre le dossier : le dossier est « en instruction »"), h.messageArea)
        XCTAssertTrue(h.line(3).contains("État : en instruction · Agent : Luc Waheo"), h.line(3))
        XCTAssertEqual(screen.review?.dossier.assigneeID, luc.id)
        XCTAssertFalse(h.line(23).contains("F2Prendre"), h.line(23))
    }

    func testNotesAndHistoryTabs() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent)[0]
        _ = try open(h, id, queue: nil)
        XCTAssertFalse(h.line(23).contains("Dos.suiv"), "no queue, no next dossier: \(h.line(23))")
        // The tab shown holds the cursor, and its brackets say it in the text.
        XCTAssertTrue(h.cursorText.hasPrefix("Champs]"), h.cursorText)
        h.press(.tab, .tab)
        XCTAssertTrue(h.cursorText.hasPrefix("Historique (2)]"), h.cursorText)
        XCTAssertEqual(h.cursor?.y, 6)
        XCTAssertTrue(h.screen.contains("29/11/2026 10:00  dépôt d'un dossier — Marie Gorodey"), h.screen)
        XCTAssertTrue(h.screen.contains("    BS-2026-000001"), h.screen)
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("Aucune note interne."), h.screen)
        h.type("n")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✗ La note est vide : écrivez le texte de la note."), h.screen)
        h.type("La mère rappelle lundi.")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Note ajoutée au dossier."), h.screen)
        XCTAssertTrue(h.screen.contains("Notes internes (1)"), h.screen)
        XCTAssertTrue(h.screen.contains("29/11/2026 10:00 — Marie Gorodey"), h.screen)
        XCTAssertTrue(h.screen.contains("  La mère rappelle lundi."), h.screen)
    }
}
