import XCTest
import SIMSModel
@testable import GuichetTUI

final class ProcedureCatalogScreenTests: XCTestCase {
    static let people: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa",
                   .postalCode: "98800"]),
        (.organisation, [.companyName: "Boulangerie du Port", .ridet: "0123456.001", .legalForm: "SARL"]),
    ]

    /// The harness with the catalogue opened on top of the home screen, for `applicant` (a tier id) if any.
    func catalogue(applicant: Int64? = nil, catalog: ProcedureCatalog = ScreenProcedures.catalog,
                   problem: String? = nil) throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: Self.people, catalog: catalog, catalogProblem: problem)
        let snapshot = try applicant.map { try TierService(store: h.store).snapshot(id: $0) }
        h.app.open(ProcedureCatalogScreen(session: h.session, applicant: snapshot))
        h.app.renderFrame()
        return h
    }

    func testTheCatalogueListsEveryProcedureWithAPreviewOfTheSelectedOne() throws {
        let h = try catalogue()
        XCTAssertEqual(h.screen, """
             Guichet · Démarches                                 Marie Gorodey · 29/11/2026
             Consultation : pour démarrer un dossier, ouvrez d'abord la fiche du demandeur.
             Démarche :                                                  4 démarches

             Code   Démarche                                                 Demandeur
            ▸BES    Bourse d'études supérieures                              Personne
             BS     Demande de bourse scolaire                               Personne
             LDB    Licence de débit de boissons                             Organisation
             RBS    Renouvellement de bourse scolaire                        Personne







             ──────────────────────────────────────────────────────────────────────────────
             BES · Bourse d'études supérieures
             Qui peut demander : Les étudiants de moins de 28 ans domiciliés en province
             Sud.
             1 niveau : instruction · réponse sous 60 jours
             1 pièce à fournir + 1 facultative                      Entrée : fiche pratique

            F1Aide  F2Démarrer  F3Retour  F7PgPréc  F8PgSuiv  F9Imprimer  F12Annuler
            """)
        XCTAssertEqual(h.terminal.cursor, CursorPosition(x: 12, y: 2))
    }

    func testTypingFiltersAtEachKeyAndTheArrowsMoveTheSelection() throws {
        let h = try catalogue()
        h.type("bourse")
        XCTAssertFalse(h.screen.contains("Licence de débit de boissons"), h.screen)
        h.press(.down)
        XCTAssertEqual(h.screen, """
             Guichet · Démarches                                 Marie Gorodey · 29/11/2026
             Consultation : pour démarrer un dossier, ouvrez d'abord la fiche du demandeur.
             Démarche : bourse                                           3 sur 4

             Code   Démarche                                                 Demandeur
             BES    Bourse d'études supérieures                              Personne
            ▸BS     Demande de bourse scolaire                               Personne
             RBS    Renouvellement de bourse scolaire                        Personne








             ──────────────────────────────────────────────────────────────────────────────
             BS · Demande de bourse scolaire · pour : enfant
             Qui peut demander : Le parent ou le représentant légal d'un enfant scolarisé
             de la maternelle à la terminale dans un établissement de la province Sud, …
             2 niveaux : instruction puis validation · réponse sous 45 jours
             3 pièces à fournir                                     Entrée : fiche pratique

            F1Aide  F2Démarrer  F3Retour  F7PgPréc  F8PgSuiv  F9Imprimer  F12Annuler
            """)
        // The selected row is reversed, the others are not; the cursor is on it, and « ▸ » says it.
        XCTAssertTrue(h.terminal.screen[8, 6].style.reverse)
        XCTAssertFalse(h.terminal.screen[8, 5].style.reverse)
        h.assertSelection(row: 6, reads: "BS     Demande de bourse scolaire")
        h.press(.pageDown)
        XCTAssertTrue(h.line(17).contains("RBS · Renouvellement de bourse scolaire"), h.screen)
        h.assertSelection(row: 7, reads: "RBS    Renouvellement")
        h.press(.up)
        XCTAssertTrue(h.line(17).contains("BS · Demande de bourse scolaire"), h.screen)
        h.assertSelection(row: 6, reads: "BS     Demande")
        h.press(.pageUp)
        XCTAssertTrue(h.line(17).contains("BES · Bourse d'études supérieures"), h.screen)
        h.assertSelection(row: 5, reads: "BES    Bourse")
        // A word of the fiche finds a procedure too; erasing gives the whole catalogue back.
        for _ in 0..<6 { h.press(.backspace) }
        XCTAssertEqual(h.cursor, CursorPosition(x: 12, y: 2), "erasing: the cursor back in the field")
        h.type("licence")
        XCTAssertTrue(h.screen.contains("LDB    Licence de débit de boissons"), h.screen)
        XCTAssertTrue(h.line(2).contains("1 sur 4"), h.line(2))
    }

    func testAQueryThatMatchesNothingSaysSo() throws {
        let h = try catalogue()
        h.type("xyz")
        XCTAssertEqual(h.line(6).trimmingCharacters(in: .whitespaces), "Aucune démarche ne correspond à « xyz ».")
        XCTAssertTrue(h.line(2).contains("0 sur 4"), h.line(2))
        XCTAssertFalse(h.screen.contains("Qui peut demander"), h.screen)
        // Enter and F2 have nothing to open.
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
        h.press(.function(2))
        XCTAssertEqual(h.session.message, .info("Choisissez d'abord une démarche dans la liste."))
    }

    func testF2WithoutAnApplicantExplainsHowToStartADossier() throws {
        let h = try catalogue()
        h.press(.function(2))
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
        XCTAssertEqual(h.line(22).trimmingCharacters(in: .whitespaces),
                       "Pour démarrer : ouvrez la fiche du demandeur (Ctrl+F), puis F9 « Dossier ».")
        // Ctrl+F opens the tier search from the catalogue.
        h.press(.ctrl("f"))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.line(0))
    }

    func testF2WithAnApplicantOpensTheIntake() throws {
        let h = try catalogue(applicant: 1)
        XCTAssertTrue(h.line(1).hasPrefix(" Pour : WAMYTAN Hélène (personne n° 1)"), h.line(1))
        h.type("etudes")
        h.press(.function(2))
        XCTAssertTrue(h.app.top is IntakeScreen, h.screen)
        XCTAssertFalse(h.line(0).contains("Démarches"), h.screen)
    }

    func testF2ForAProcedureWithABeneficiaryAsksForItFirst() throws {
        let h = try catalogue(applicant: 1)
        h.type("demande bourse")
        h.press(.function(2))
        XCTAssertTrue(h.app.top is BeneficiaryChoiceScreen, h.screen)
    }

    func testAProcedureForAnotherKindOfApplicantIsRefusedWithAMessage() throws {
        let h = try catalogue(applicant: 1)
        h.type("licence")
        h.press(.function(2))
        XCTAssertTrue(h.app.top is ProcedureCatalogScreen)
        XCTAssertTrue(h.messageArea.contains("« Licence de débit de boissons » est demandée par une organisation"), h.messageArea)
    }

    func testEnterOpensTheFicheAndF3ComesBackToTheSameSelection() throws {
        let h = try catalogue()
        h.type("bourse")
        h.press(.down, .enter)
        XCTAssertTrue(h.line(0).contains("Fiche pratique BS"), h.line(0))
        XCTAssertTrue(h.line(2).contains("Demande de bourse scolaire"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
        XCTAssertTrue(h.line(2).contains("Démarche : bourse"), h.line(2))
        XCTAssertTrue(h.line(17).contains("BS · Demande de bourse scolaire"), h.screen)
        h.press(.escape)
        XCTAssertTrue(h.line(0).contains("Accueil"), h.line(0))
    }

    func testMistakesInTheProcedureFilesAreShownAboveTheValidProcedures() throws {
        let problem = """
            procedures/licence.yaml, ligne 12, champ « champs[3].type » : type inconnu « nombr » (attendu : texte, date, entier, montant, choix, oui_non).
            procedures/inscription.yaml, ligne 4 : la clé « titre » est obligatoire et manque : ajoutez-la.
            """
        let h = try catalogue(catalog: ProcedureCatalog(procedures: [ScreenProcedures.schoolGrant]), problem: problem)
        XCTAssertEqual(h.screen, """
             Guichet · Démarches                                 Marie Gorodey · 29/11/2026
             Consultation : pour démarrer un dossier, ouvrez d'abord la fiche du demandeur.
             Démarche :                                                  1 démarche

             Erreurs dans les fichiers des démarches (à corriger par l'administrateur) :
               procedures/licence.yaml, ligne 12, champ « champs[3].type » : type inconnu
                 « nombr » (attendu : texte, date, entier, montant, choix, oui_non).
               procedures/inscription.yaml, ligne 4 : la clé « titre » est obligatoire et
                 manque : ajoutez-la.

             Code   Démarche                                                 Demandeur
            ▸BS     Demande de bourse scolaire                               Personne




             ──────────────────────────────────────────────────────────────────────────────
             BS · Demande de bourse scolaire · pour : enfant
             Qui peut demander : Le parent ou le représentant légal d'un enfant scolarisé
             de la maternelle à la terminale dans un établissement de la province Sud, …
             2 niveaux : instruction puis validation · réponse sous 45 jours
             3 pièces à fournir                                     Entrée : fiche pratique

            F1Aide  F2Démarrer  F3Retour  F7PgPréc  F8PgSuiv  F9Imprimer  F12Annuler
            """)
        XCTAssertEqual(h.terminal.screen[3, 5].style, Theme.standard.error)
    }

    func testWhenNoProcedureLoadsEveryMistakeThatFitsIsShown() throws {
        let problem = (1...16).map { "procedures/f\($0).yaml, ligne \($0) : erreur numéro \($0)." }.joined(separator: "\n")
        let h = try catalogue(catalog: ProcedureCatalog(procedures: []), problem: problem)
        XCTAssertTrue(h.line(2).contains("aucune démarche"), h.line(2))
        XCTAssertTrue(h.line(5).contains("procedures/f1.yaml, ligne 1 : erreur numéro 1."), h.screen)
        XCTAssertTrue(h.line(14).contains("procedures/f10.yaml, ligne 10"), h.screen)
        XCTAssertTrue(h.line(15).contains("… 6 lignes de plus : guichet procedures check les affiche toutes."), h.screen)
        XCTAssertFalse(h.screen.contains("Code   Démarche"), h.screen)
    }

    func testF9PrintsTheFicheOfTheSelectedProcedure() throws {
        let directory = try ScreenProcedures.temporaryDirectory("guichet-catalogue-")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let h = try ScreenHarness(catalog: ScreenProcedures.catalog,
                                  receipts: ReceiptOutput(storePath: directory + "/sims.sqlite", printer: nil))
        h.app.open(ProcedureCatalogScreen(session: h.session, applicant: nil))
        h.type("licence")
        h.press(.function(9))
        let file = directory + "/fiches/LDB.txt"
        XCTAssertEqual(h.session.message, .info("Aucune imprimante configurée : fiche enregistrée dans \(file)."))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), ProcedureSheetText.render(ScreenProcedures.drinkLicence))
    }

    func testTheHomeScreenOpensTheCatalogue() throws {
        let h = try ScreenHarness(catalog: ScreenProcedures.catalog)
        h.press(.character("c"))
        XCTAssertTrue(h.app.top is ProcedureCatalogScreen, h.screen)
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
    }
}

extension ProcedureCatalogScreenTests {
    func testEveryProcedureOfTheRepositoryHasAPreviewAndAFiche() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("procedures")
        let catalog = try ProcedureCatalog.load(directory: folder)
        XCTAssertFalse(catalog.procedures.isEmpty)
        let h = try catalogue(applicant: 1, catalog: catalog)
        for (index, procedure) in catalog.procedures.enumerated() {
            XCTAssertTrue(h.line(17).hasPrefix(" \(procedure.code) · \(procedure.title)"), h.screen)
            XCTAssertTrue(h.line(18).hasPrefix(" Qui peut demander : "), h.screen)
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Fiche pratique \(procedure.code)"), h.line(0))
            XCTAssertTrue(h.line(2).hasPrefix(" \(procedure.title)"), h.screen)
            h.press(.function(3))
            XCTAssertEqual(h.line(4 + 1 + index).hasPrefix("▸\(procedure.code) "), true, "back on the same selection: \(h.screen)")
            h.press(.down)
        }
    }
}
