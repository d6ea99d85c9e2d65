import XCTest
import SIMSModel
@testable import GuichetTUI

final class ProcedureSheetScreenTests: XCTestCase {
    private var directories: [String] = []

    override func tearDown() {
        for directory in directories { try? FileManager.default.removeItem(atPath: directory) }
        super.tearDown()
    }

    /// The fiche of `procedure` opened over the catalogue, for Hélène Wamytan when `withApplicant`.
    func sheet(_ procedure: Procedure = ScreenProcedures.schoolGrant, withApplicant: Bool = false,
               printer: String? = nil, printCommand: String = "lp", directory: String? = nil) throws -> ScreenHarness {
        let output = directory.map { ReceiptOutput(storePath: $0 + "/sims.sqlite", printer: printer, printCommand: printCommand) }
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"])],
                                  catalog: ScreenProcedures.catalog, receipts: output)
        let applicant = withApplicant ? try TierService(store: h.store).snapshot(id: 1) : nil
        h.app.open(ProcedureCatalogScreen(session: h.session, applicant: applicant))
        h.app.open(ProcedureSheetScreen(session: h.session, procedure: procedure, applicant: applicant))
        h.app.renderFrame()
        return h
    }

    func temporaryDirectory() throws -> String {
        let directory = try ScreenProcedures.temporaryDirectory("guichet-fiches-")
        directories.append(directory)
        return directory
    }

    func testTheFicheShowsTheTextOfTheProcedureAndScrolls() throws {
        let h = try sheet(withApplicant: true)
        XCTAssertEqual(h.screen, """
             Guichet · Fiche pratique BS                         Marie Gorodey · 29/11/2026
             Pour : WAMYTAN Hélène                                     lignes 1 à 20 sur 37
             Demande de bourse scolaire
             Code de la démarche : BS
             Demandeur : une personne ; bénéficiaire : Enfant
             ================================================

             Qui peut demander
             -----------------
             Le parent ou le représentant légal d'un enfant scolarisé de la maternelle
             à la terminale dans un établissement de la province Sud, dont les
             ressources ne dépassent pas le plafond fixé chaque année.

             Ce que la démarche apporte
             --------------------------
             Une aide aux frais de demi-pension, d'internat et de transport scolaire.

             Pièces à fournir
             ----------------
             - une pièce d'identité du parent ;
             - un justificatif de domicile de moins de 3 mois ;
             - le certificat de scolarité de l'enfant.

            F1Aide  F2Démarrer  F3Retour  F7PgPréc  F8PgSuiv  F9Imprimer  F12Annuler
            """)
        // Headings bold, their underlines dim.
        XCTAssertTrue(h.terminal.screen[1, 7].style.bold)
        XCTAssertTrue(h.terminal.screen[1, 8].style.dim)
        h.press(.down)
        XCTAssertTrue(h.line(1).contains("lignes 2 à 21 sur 37"), h.line(1))
        XCTAssertTrue(h.line(2).hasPrefix(" Code de la démarche : BS"), h.line(2))
        h.press(.function(8))
        XCTAssertTrue(h.line(1).contains("lignes 18 à 37 sur 37"), h.line(1))
        XCTAssertEqual(h.line(21).trimmingCharacters(in: .whitespaces), "Conservation : 10 ans après la clôture du dossier.")
        h.press(.pageDown, .down)
        XCTAssertTrue(h.line(1).contains("lignes 18 à 37 sur 37"), "no scrolling past the end: \(h.line(1))")
        h.press(.function(7))
        XCTAssertTrue(h.line(1).contains("lignes 1 à 20 sur 37"), h.line(1))
        h.press(.up)
        XCTAssertTrue(h.line(1).contains("lignes 1 à 20 sur 37"), h.line(1))
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Démarches"), h.line(0))
    }

    func testWithoutAnApplicantTheFicheIsOnlyConsulted() throws {
        let h = try sheet(ScreenProcedures.drinkLicence)
        XCTAssertTrue(h.line(1).hasPrefix(" Consultation (aucun demandeur choisi)"), h.line(1))
        XCTAssertTrue(h.line(1).hasSuffix("lignes 1 à 20 sur 26 "), h.line(1))
        XCTAssertTrue(h.line(2).hasPrefix(" Licence de débit de boissons"), h.line(2))
        XCTAssertTrue(h.line(4).hasPrefix(" Demandeur : une organisation "), h.line(4))
    }

    func testF9WithoutAPrinterWritesTheFicheBesideTheReceipts() throws {
        let directory = try temporaryDirectory()
        let h = try sheet(directory: directory)
        h.press(.function(9))
        let file = directory + "/fiches/BS.txt"
        XCTAssertEqual(h.session.message, .info("Aucune imprimante configurée : fiche enregistrée dans \(file)."))
        XCTAssertTrue(h.messageArea.contains("Aucune imprimante configurée : fiche enregistrée dans \(file)."), h.messageArea)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), ProcedureSheetText.render(ScreenProcedures.schoolGrant))
    }

    func testF9WithAPrinterPrintsTheFiche() throws {
        let directory = try temporaryDirectory()
        let copy = directory + "/imprime.txt"
        let script = try ScreenProcedures.printScript(in: directory, copyingTo: copy)
        let h = try sheet(printer: "accueil-1", printCommand: script, directory: directory)
        h.press(.function(9))
        let file = directory + "/fiches/BS.txt"
        XCTAssertEqual(h.session.message, .info("Fiche imprimée sur accueil-1 ; enregistrée dans \(file)."))
        XCTAssertEqual(try String(contentsOfFile: copy, encoding: .utf8), ProcedureSheetText.render(ScreenProcedures.schoolGrant))
        XCTAssertEqual(try String(contentsOfFile: copy + ".args", encoding: .utf8), "-d accueil-1 \(file)\n")
    }

    func testAPrinterFailureIsShownInFrenchAndTheFicheIsKept() throws {
        let directory = try temporaryDirectory()
        let script = try ScreenProcedures.printScript(in: directory, copyingTo: directory + "/imprime.txt", failing: true)
        let h = try sheet(printer: "accueil-1", printCommand: script, directory: directory)
        h.press(.function(9))
        let file = directory + "/fiches/BS.txt"
        XCTAssertEqual(h.session.message, .error("Impression impossible sur accueil-1 : lp: imprimante hors ligne. "
                                                 + "La fiche est enregistrée dans \(file)."))
        XCTAssertTrue(h.messageArea.contains("✗ Impression impossible sur accueil-1 : lp: imprimante hors ligne."), h.messageArea)
        XCTAssertTrue(FileManager.default.fileExists(atPath: file))
    }

    func testF2WithoutAnApplicantExplainsAndWithOneOpensTheIntake() throws {
        let consulted = try sheet(ScreenProcedures.higherEducation)
        consulted.press(.function(2))
        XCTAssertTrue(consulted.app.top is ProcedureSheetScreen)
        XCTAssertTrue(consulted.line(22).contains("Pour démarrer : ouvrez la fiche du demandeur"), consulted.line(22))

        let h = try sheet(ScreenProcedures.higherEducation, withApplicant: true)
        h.press(.function(2))
        XCTAssertTrue(h.app.top is IntakeScreen, h.screen)
    }
}
