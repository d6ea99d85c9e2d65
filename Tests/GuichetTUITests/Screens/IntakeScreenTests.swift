import XCTest
import SIMSModel
@testable import GuichetTUI

/// The intake form: prefill marks, checks on field exit, the pieces tab, submission and its
/// récépissé, brouillons kept and abandoned.
final class IntakeScreenTests: XCTestCase {
    /// Tabs until the field has the focus.
    private func focus(_ h: IntakeHarness, _ screen: IntakeScreen, _ key: String) {
        for _ in 0..<screen.procedure.fields.count where screen.focusedField.key != key { h.press(.key(.tab)) }
        XCTAssertEqual(screen.focusedField.key, key)
    }

    /// Replaces the focused field's text.
    private func retype(_ h: IntakeHarness, _ text: String) {
        h.press(.ctrl("e"), .ctrl("u"))
        h.type(text)
    }

    func testARenewalOpensWithEveryKnownFieldFilledAndMarked() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        XCTAssertEqual(screen.focusedField.key, "demandeur.adresse",
                       "the focus starts on the first field that usually changes (change_souvent), shown first")
        XCTAssertEqual(h.screen, """
             Dossier : Renouvellement de bourse scolaire         Marie Gorodey · 29/11/2026
             RBS · brouillon n° 2 · reprend BS-2026-000001          [Champs]  Pièces (F5)
             Changent souvent : à vérifier d'abord
            ▸  Adresse*                       12 rue de Sébastopol         · déclaré
               Téléphone*                     25.12.34                     · déclaré
               Changement de situation*
             Demandeur : WAMYTAN Hélène
               Nom de naissance du parent*    Wamytan                      · déclaré
               Nom d'usage du parent
               Prénoms du parent*             Hélène                       · déclaré
               Date de naissance du parent*   14/03/1985                   · déclaré
               Commune*                       Nouméa                       · déclaré
               Code postal*                   98800                        · déclaré
               Courriel                       helene.wamytan@example.nc    · déclaré
               Numéro CAFAT du parent
             Enfant : WAMYTAN Léa
               Nom de naissance de l'enfant*  Wamytan                      · déclaré
               Prénoms de l'enfant*           Léa                          · déclaré
               Date de naissance de l'enfant* 02/05/2016                   · déclaré
             ▼ 8 champs plus bas

             Valeur sélectionnée : tapez pour la remplacer, → pour la compléter.

            F1Aide  F3Retour  F5Pièces  F10Enreg.  F11Jointes  F12Annuler
            """)
        h.press(.key(.tab), .key(.tab))
        XCTAssertEqual(screen.focusedField.key, "changement_situation", "Tab goes through the fields that usually change first")
        XCTAssertTrue(h.screen.contains(" Déménagement, naissance, séparation, perte d'emploi..."), h.screen)
        focus(h, screen, "internat")
        XCTAssertEqual(h.screen, """
             Dossier : Renouvellement de bourse scolaire         Marie Gorodey · 29/11/2026
             RBS · brouillon n° 2 · reprend BS-2026-000001          [Champs]  Pièces (F5)
               Commune*                       Nouméa                       · déclaré
               Code postal*                   98800                        · déclaré
               Courriel                       helene.wamytan@example.nc    · déclaré
               Numéro CAFAT du parent
             Enfant : WAMYTAN Léa
               Nom de naissance de l'enfant*  Wamytan                      · déclaré
               Prénoms de l'enfant*           Léa                          · déclaré
               Date de naissance de l'enfant* 02/05/2016                   · déclaré
               Sexe de l'enfant*              F                            · déclaré
             Dossier
               Établissement scolaire*        École Frédéric Surleau       ↺ repris
               Classe à la rentrée*           CM2                          ↻ suivant
               Année scolaire*                2027                         ↻ suivant
               Situation familiale du parent* Marié(e)                     ↺ repris
               Enfants à charge*              2                            ↺ repris
               Revenus annuels du foyer*      1 850 000 F                  ↺ repris
            ▸  Interne à la rentrée           non                          ↺ repris


             ✗ 1 champ à corriger : il est marqué ✗.

            F1Aide  F3Retour  F5Pièces  F10Enreg.  F11Jointes  F12Annuler
            """)
        h.press(.pageUp, .pageUp, .pageUp)
        XCTAssertEqual(screen.focusedField.key, "demandeur.adresse")
        XCTAssertTrue(h.line(2).hasPrefix(" Changent souvent : à vérifier d'abord"), h.line(2))
        XCTAssertTrue(h.line(3).hasPrefix("▸  Adresse*                       12 rue de Sébastopol         · déclaré"), h.line(3))
        // F10 refuses the form and takes the agent to the required field left empty.
        h.press(.function(10))
        XCTAssertEqual(screen.focusedField.key, "changement_situation", "F10 goes to the required field left empty")
        XCTAssertTrue(h.messageArea.contains("1 champ à corriger avant de déposer le dossier."), h.screen)
    }

    func testTypingIntoAFilledFieldReplacesItsValueAndAnArrowKeepsIt() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        XCTAssertEqual(screen.focusedField.key, "demandeur.adresse")
        h.type("8 rue Jules Garnier")
        XCTAssertTrue(h.line(3).hasPrefix("▸  Adresse*                       8 rue Jules Garnier"), h.line(3))
        XCTAssertFalse(h.screen.contains("Valeur sélectionnée"), "typed: nothing is selected any more")
        h.press(.key(.tab))
        XCTAssertTrue(h.screen.contains(" Valeur sélectionnée : tapez pour la remplacer, → pour la compléter."), h.screen)
        h.press(.key(.right))
        h.type("5")
        XCTAssertEqual(screen.inputs["demandeur.telephone"]?.text, "25.12.345", "→ keeps the value and adds to it")
        h.press(.key(.tab))
        h.type("oui")
        XCTAssertEqual(screen.inputs["changement_situation"]?.text, "oui", "an empty field has nothing to select")
        h.press(.key(.backTab), .key(.backspace))
        XCTAssertEqual(screen.inputs["demandeur.telephone"]?.text, "", "Backspace clears a selected value")
    }

    func testFieldsAreCheckedWhenLeftAndChangedValuesAreMarked() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        focus(h, screen, "classe")
        retype(h, "CM3")
        h.press(.key(.tab))
        XCTAssertTrue(h.screen.contains("✗ Classe à la rentrée : « CM3 » ne fait pas partie des choix"), h.screen)
        h.press(.key(.backTab))
        retype(h, "cm2")
        XCTAssertFalse(h.screen.contains("« CM3 »"), "the message goes as soon as the value is right")
        h.press(.key(.tab))
        let row = try XCTUnwrap(h.terminal.screenLines.first { $0.contains("Classe à la rentrée") })
        XCTAssertTrue(row.hasSuffix("modifié") || row.contains("modifié"), row)
        let saved = try DossierService(store: h.store).dossier(id: screen.intake.dossier.id)
        XCTAssertEqual(saved.answers["classe"], "cm2", "the brouillon is saved at every field exit")
    }

    func testSubmittingShowsTheReceiptAndWritesTheChangedFactsBack() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        focus(h, screen, "changement_situation")
        h.type("n")
        focus(h, screen, "demandeur.telephone")
        retype(h, "78 45 12")
        focus(h, screen, "classe")
        retype(h, "CM2")
        focus(h, screen, "annee_scolaire")
        retype(h, "2027")
        h.press(.function(10))
        XCTAssertTrue(h.line(0).contains("Récépissé"), h.screen)
        XCTAssertTrue(h.screen.contains("Dossier n° : RBS-2026-000001"), h.screen)
        let parent = try TierService(store: h.store).snapshot(id: h.parent.id)
        XCTAssertEqual(parent.value(.phone), "784512")
        XCTAssertEqual(parent.current[.phone]?.reference, "RBS-2026-000001")
        XCTAssertEqual(parent.current[.phone]?.source, .dossier)
        XCTAssertTrue(try DossierService(store: h.store).drafts(agentID: h.agent.id).isEmpty)
    }

    func testARefusedSubmissionNamesTheFieldsAndKeepsTheBrouillon() throws {
        let h = try IntakeHarness()
        let screen = try h.openIntake("BS")
        XCTAssertEqual(screen.focusedField.key, "etablissement")
        h.press(.function(10))
        XCTAssertTrue(h.line(22).contains("à corriger avant de déposer"), h.line(22))
        XCTAssertEqual(screen.focusedField.key, "etablissement", "the focus goes to the first field to fix")
        XCTAssertTrue(h.screen.contains("✗ Établissement scolaire : champ obligatoire."), h.screen)
        XCTAssertEqual(try DossierService(store: h.store).dossier(id: screen.intake.dossier.id).state, .draft)
    }

    func testChangingAVerifiedFactAsksFirst() throws {
        let h = try IntakeHarness()
        let tiers = TierService(store: h.store)
        let moved = try tiers.update(id: h.parent.id, expectedVersion: h.parent.version, changes: [.address: "3 rue Higginson"],
                                     by: h.agent)
        let proof = try DocumentService(store: h.store).register(type: .proofOfAddress, issuedOn: "2026-11-02",
                                                                 owners: [moved.id], by: h.agent)
        try FactVerificationService(store: h.store).verify(tierID: moved.id, expectedVersion: moved.version, fields: [.address],
                                                           documentID: proof.id, by: h.agent)
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        focus(h, screen, "changement_situation")
        h.type("n")
        focus(h, screen, "demandeur.adresse")
        XCTAssertTrue(h.terminal.screenLines.contains { $0.contains("3 rue Higginson") && $0.contains("✓ vérifié") }, h.screen)
        retype(h, "8 avenue Foch")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Vous modifiez des informations vérifiées : Adresse (vérifié sur pièce)"), h.screen)
        h.press(.character("n"))
        XCTAssertEqual(try tiers.snapshot(id: h.parent.id).value(.address), "3 rue Higginson")
        h.press(.function(10), .character("o"))
        XCTAssertTrue(h.line(0).contains("Récépissé"), h.screen)
        XCTAssertEqual(try tiers.snapshot(id: h.parent.id).history(of: .address).prefix(2).map(\.value),
                       ["8 avenue Foch", "3 rue Higginson"])
    }

    func testAChangedAddressStopsOfferingTheJustificatifOnFileThatProvesTheOldOne() throws {
        let h = try IntakeHarness()
        try DocumentService(store: h.store).register(type: .proofOfAddress, issuedOn: "2026-10-02", owners: [h.parent.id],
                                                     by: h.agent)
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        focus(h, screen, "demandeur.telephone")
        retype(h, "78 12 34")
        h.press(.key(.tab))
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("déjà fournie : Justificatif de domicile du 02/10/2026"), "a new phone: \(h.screen)")
        h.press(.function(5))
        focus(h, screen, "demandeur.adresse")
        retype(h, "3 rue Higginson")
        h.press(.key(.tab))
        XCTAssertTrue(h.messageArea.contains("Justificatif de domicile : la pièce sur fichier prouve l'ancienne valeur (adresse) ; demandez-en une à jour."),
                      h.messageArea)
        h.press(.function(5))
        let row = try XCTUnwrap(h.terminal.screenLines.firstIndex { $0.contains("Justificatif de domicile · moins de 3 mois") },
                                h.screen)
        XCTAssertEqual(h.line(row + 1).trimmingCharacters(in: .whitespaces),
                       "manquante — celle sur fichier prouve l'ancienne valeur (adresse)")
        h.press(.function(6))
        XCTAssertFalse(h.screen.contains("déjà fournie : Justificatif"), "F6 no longer offers it: \(h.screen)")
        XCTAssertEqual(screen.pieces["domicile"], .handedIn(issuedOn: nil))
    }

    func testThePiecesTabOffersDocumentsOnFileAndRecordsPiecesHandedIn() throws {
        let h = try IntakeHarness()
        let documents = DocumentService(store: h.store)
        try documents.register(type: .proofOfAddress, issuedOn: "2026-10-02", owners: [h.parent.id], by: h.agent)
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        h.press(.function(5))
        XCTAssertEqual(screen.tab, .pieces)
        XCTAssertTrue(h.screen.contains("Justificatif de domicile · moins de 3 mois"), h.screen)
        XCTAssertTrue(h.screen.contains("déjà fournie : Justificatif de domicile du 02/10/2026"), h.screen)
        XCTAssertTrue(h.screen.contains("manquante"), h.screen)
        h.press(.key(.down))
        h.press(.function(6))
        h.type("01/11/2026")
        XCTAssertTrue(h.screen.contains("remise au guichet, datée du 01/11/2026"), h.screen)
        h.press(.function(5))
        focus(h, screen, "changement_situation")
        h.type("n")
        focus(h, screen, "annee_scolaire")
        retype(h, "2027")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("- Justificatif de domicile : déjà fournie (Justificatif de domicile du"), h.screen)
        XCTAssertTrue(h.screen.contains("- Avis d'imposition ou de non-imposition du foyer : remise au guichet"), h.screen)
        XCTAssertTrue(h.screen.contains("Pièces manquantes :\n       - Certificat de scolarité de l'enfant"), h.screen)
        XCTAssertEqual(try documents.documents(ownedBy: h.parent.id).count, 2, "the piece handed in is on file for next time")
    }

    func testF3KeepsTheBrouillonForTheHomeScreenAndF12AbandonsIt() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        focus(h, screen, "classe")
        retype(h, "CM2")
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Accueil"), h.screen)
        XCTAssertTrue(h.screen.contains("Dossier RBS · WAMYTAN Hélène (pour WAMYTAN Léa)"), h.screen)
        XCTAssertTrue(h.line(22).contains("Brouillon conservé"), h.line(22))
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Renouvellement"), h.screen)
        XCTAssertTrue(h.terminal.screenLines.contains { $0.contains("Classe à la rentrée") && $0.contains("CM2") }, h.screen)
        h.press(.function(12))
        XCTAssertTrue(h.screen.contains("Abandonner ce dossier ? Le brouillon sera supprimé. (o/n)"), h.screen)
        h.press(.character("o"))
        XCTAssertTrue(h.line(0).contains("Accueil"), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune saisie en attente."), h.screen)
    }

    func testValuesReadOnThePiecesAreOfferedAndCtrlTTakesThem() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        let scan = URL(fileURLWithPath: h.directory).appendingPathComponent("avis.pdf")
        try Data("%PDF-1.4 avis".utf8).write(to: scan)
        let document = try DocumentService(store: h.store).attach(fileAt: scan, type: .taxNotice, owners: [h.parent.id],
                                                                  by: h.agent).document
        try h.store.sqlitePool.write { db in
            try db.execute(sql: "UPDATE document SET ocr_state = 'lu', ocr_text = ? WHERE id = ?", arguments: [
                "AVIS D'IMPOSITION 2026\nMadame WAMYTAN Hélène\nTéléphone : 78.45.12\nNouméa, le 12/10/2026", document.id])
        }
        let screen = try h.openIntake("RBS")
        focus(h, screen, "changement_situation")
        h.type("n")
        focus(h, screen, "demandeur.telephone")
        XCTAssertTrue(h.line(21).contains("Lu sur les pièces : 78.45.12 — Ctrl+T pour le reprendre"), h.line(21))
        h.press(.ctrl("t"))
        XCTAssertEqual(screen.inputs["demandeur.telephone"]?.text, "78.45.12")
        XCTAssertTrue(h.terminal.screenLines.contains { $0.contains("Téléphone*") && $0.contains("78.45.12") && $0.contains("modifié") },
                      h.screen)
        focus(h, screen, "etablissement")
        h.press(.ctrl("t"))
        XCTAssertTrue(h.line(22).contains("Rien n'a été lu sur les pièces pour ce champ."), h.line(22))
    }

    /// On the pieces tab, the selected piece is said in text (« ▸ ») and holds the cursor.
    func testTheSelectedPieceIsMarkedAndHoldsTheCursor() throws {
        let h = try IntakeHarness()
        try h.lastYearsGrant()
        _ = try h.openIntake("RBS")
        h.press(.function(5))
        h.assertSelection(row: 3, reads: "")
        let first = String(h.line(3).dropFirst(3))
        h.press(.down)
        h.assertSelection(row: 5, reads: "")
        XCTAssertTrue(h.cursorText.count > 2 && !first.isEmpty, h.screen)
        h.press(.up)
        h.assertSelection(row: 3, reads: "")
        XCTAssertEqual(String(h.line(3).dropFirst(3)), first)
    }
}
