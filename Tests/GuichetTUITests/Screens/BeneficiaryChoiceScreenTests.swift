import XCTest
import SIMSModel
@testable import GuichetTUI

/// Choosing the child a school grant is for, from the applicant's record.
final class BeneficiaryChoiceScreenTests: XCTestCase {
    /// Opens the applicant's record, then the catalogue on « Demande de bourse scolaire », then F2.
    private func chooseGrant(_ h: IntakeHarness) throws {
        h.app.open(try TierRecordScreen(session: h.session, tierID: h.parent.id))
        h.press(.function(9))
        XCTAssertTrue(h.screen.contains("Pour : WAMYTAN Hélène"), h.screen)
        h.type("demande bourse scolaire")
        h.press(.function(2))
    }

    func testTheChildrenOfTheApplicantAreOfferedWithANewOne() throws {
        let h = try IntakeHarness()
        try chooseGrant(h)
        XCTAssertEqual(h.screen, """
             Guichet · BS : enfant concerné                      Marie Gorodey · 29/11/2026
             Demande de bourse scolaire
             Demandeur : WAMYTAN Hélène

             Pour qui est ce dossier ? (Enfant)

            ▸ WAMYTAN Léa                        né(e) le 02/05/2016   Mineur représenté
              + Nouveau : enfant à saisir dans le dossier













             Entrée : ouvrir le dossier pour la ligne choisie.

            F1Aide  F3Retour  F12Annuler
            """)
        h.press(.key(.enter))
        XCTAssertTrue(h.line(1).contains("BS · brouillon n° 1"), h.screen)
        XCTAssertTrue(h.screen.contains("Enfant : WAMYTAN Léa"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), "the form replaced the choice: F3 goes back to the record")
    }

    func testANewChildIsKeyedInTheFormAndCreatedAtSubmission() throws {
        let h = try IntakeHarness()
        try chooseGrant(h)
        h.press(.key(.down), .key(.enter))
        XCTAssertTrue(h.screen.contains("Enfant (nouveau, créé au dépôt)"), h.screen)
        guard let screen = h.app.top as? IntakeScreen else { return XCTFail("the intake form is open") }
        XCTAssertEqual(screen.focusedField.key, "beneficiaire.nom_naissance", "the first required empty field")
        h.type("Wamytan")
        h.press(.key(.tab))
        h.type("Tom")
        h.press(.key(.tab))
        h.type("11/09/2019")
        h.press(.key(.tab))
        h.type("M")
        for (key, text) in [("etablissement", "École Amélie Cortot"), ("classe", "CP"), ("annee_scolaire", "2027"),
                            ("situation_familiale", "mari"), ("enfants_a_charge", "2"), ("revenus_annuels", "1 200 000")] {
            for _ in 0..<30 where screen.focusedField.key != key { h.press(.key(.tab)) }
            h.type(text)
        }
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Bénéficiaire : WAMYTAN Tom"), h.screen)
        let parent = try TierService(store: h.store).snapshot(id: h.parent.id)
        XCTAssertEqual(Set(parent.inverseRelations.map(\.otherName)), ["WAMYTAN Léa", "WAMYTAN Tom"])
    }

    /// The chosen line is said in text (« ▸ ») and holds the cursor, after each move.
    func testTheCursorAndTheMarkFollowTheChosenLine() throws {
        let h = try IntakeHarness()
        try chooseGrant(h)
        h.assertSelection(row: 6, reads: " WAMYTAN Léa")
        h.press(.down)
        h.assertSelection(row: 7, reads: " + Nouveau")
        h.press(.down)
        h.assertSelection(row: 7, reads: " + Nouveau")
        h.press(.up)
        h.assertSelection(row: 6, reads: " WAMYTAN Léa")
    }
}
