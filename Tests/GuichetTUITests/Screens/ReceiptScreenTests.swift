import XCTest
import SIMSModel
@testable import GuichetTUI

final class ReceiptScreenTests: XCTestCase {
    private var directories: [String] = []

    override func tearDown() {
        for directory in directories { try? FileManager.default.removeItem(atPath: directory) }
        super.tearDown()
    }

    /// A short folder name, so that the paths shown fit on the screen.
    func temporaryDirectory() throws -> String {
        let directory = "/tmp/gr-" + UUID().uuidString.prefix(6)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        directories.append(directory)
        return directory
    }

    /// The récépissé of BS-2026-000001 opened over the home screen, as the intake does after F10.
    func receipt(directory: String, printer: String? = nil, printCommand: String = "lp",
                 submitted: SubmittedDossier = ScreenProcedures.submitted()) throws -> ScreenHarness {
        let output = ReceiptOutput(storePath: directory + "/sims.sqlite", printer: printer, printCommand: printCommand)
        let h = try ScreenHarness(receipts: output)
        h.app.open(ReceiptScreen(session: h.session, submitted: submitted))
        h.app.renderFrame()
        return h
    }

    func testOpeningTheReceiptWritesItAndShowsIt() throws {
        let directory = try temporaryDirectory()
        let h = try receipt(directory: directory)
        let file = directory + "/recepisses/BS-2026-000001.txt"
        let message = "Dossier BS-2026-000001 déposé. Récépissé enregistré dans \(file)."
        XCTAssertEqual(h.session.message, .info(message))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), ScreenProcedures.submitted().receipt.text)
        XCTAssertEqual(h.screen, """
             Guichet · Récépissé                                 Marie Gorodey · 29/11/2026
             Dossier BS-2026-000001 déposé : à remettre au demandeur.  lignes 1 à 19 sur 21
                 PROVINCE SUD - Dites-le nous une fois
                 RÉCÉPISSÉ DE DÉPÔT

                 Dossier n° : BS-2026-000001
                 Code de suivi : K7P-3QX
                 Démarche : Demande de bourse scolaire (BS)
                 Demandeur : WAMYTAN Hélène
                 Bénéficiaire : WAMYTAN Léa
                 Déposé le : 29/11/2026 10:00
                 Réponse attendue au plus tard le : 13/01/2027

                 Pièces reçues :
                   - Pièce d'identité : déjà fournie (carte d'identité du 02/03/2022,
                       valable jusqu'au 01/03/2032)
                   - Justificatif de domicile : remise au guichet
                 Pièces manquantes :
                   - Certificat de scolarité (enfant)
                 Les pièces manquantes sont à fournir pour que le dossier soit instruit.

             \(WrappedText.lines(message, width: 78)[0])
             \(WrappedText.lines(message, width: 78)[1])
            F1Aide  F3Retour  F7PgPréc  F8PgSuiv  F9Imprimer  F12Annuler
            """)
        h.press(.function(8))
        XCTAssertTrue(h.line(1).hasSuffix("lignes 3 à 21 sur 21 "), h.line(1))
        XCTAssertEqual(h.line(20).trimmingCharacters(in: .whitespaces),
                       "Conservez ce récépissé : le code de suivi permet de suivre votre dossier.")
        h.press(.function(7))
        XCTAssertTrue(h.line(2).contains("PROVINCE SUD"), h.line(2))
        h.press(.down, .down, .up)
        XCTAssertTrue(h.line(2).contains("RÉCÉPISSÉ DE DÉPÔT"), h.line(2))
    }

    func testAPrinterPrintsTheReceiptOnOpening() throws {
        let directory = try temporaryDirectory()
        let copy = directory + "/imprime.txt"
        let script = try ScreenProcedures.printScript(in: directory, copyingTo: copy)
        let h = try receipt(directory: directory, printer: "accueil-1", printCommand: script)
        let file = directory + "/recepisses/BS-2026-000001.txt"
        XCTAssertEqual(h.session.message,
                       .info("Dossier BS-2026-000001 déposé. Récépissé imprimé sur accueil-1 et enregistré dans \(file)."))
        XCTAssertEqual(try String(contentsOfFile: copy, encoding: .utf8), ScreenProcedures.submitted().receipt.text)
        XCTAssertEqual(try String(contentsOfFile: copy + ".args", encoding: .utf8), "-d accueil-1 \(file)\n")
        h.press(.down)                 // the message goes; the status line shows again
        XCTAssertTrue(h.line(21).contains("· imprimé sur accueil-1"), h.line(21))
        // F9 prints it again.
        try FileManager.default.removeItem(atPath: copy)
        h.press(.function(9))
        XCTAssertEqual(h.session.message, .info("Récépissé imprimé sur accueil-1."))
        XCTAssertTrue(FileManager.default.fileExists(atPath: copy))
    }

    func testAPrinterFailureSaysTheDossierIsSavedAndF9Retries() throws {
        let directory = try temporaryDirectory()
        let script = try ScreenProcedures.printScript(in: directory, copyingTo: directory + "/imprime.txt", failing: true)
        let h = try receipt(directory: directory, printer: "accueil-1", printCommand: script)
        XCTAssertEqual(h.session.message, .error("Dossier BS-2026-000001 déposé et récépissé enregistré, mais impression "
                                                 + "impossible sur accueil-1 : lp: imprimante hors ligne. F9 : réessayer."))
        XCTAssertEqual(h.messageArea, "✗ Dossier BS-2026-000001 déposé et récépissé enregistré, mais impression impossible "
                       + "sur accueil-1 : lp: imprimante hors ligne. F9 : réessayer.")
        h.press(.down)
        XCTAssertTrue(h.line(21).contains("· non imprimé"), h.line(21))
        h.press(.function(9))
        let file = directory + "/recepisses/BS-2026-000001.txt"
        XCTAssertEqual(h.session.message, .error("Impression impossible sur accueil-1 : lp: imprimante hors ligne. "
                                                 + "Le dossier est bien déposé ; le récépissé est dans \(file)."))
    }

    func testF9WithoutAPrinterSaysWhereTheFileIs() throws {
        let directory = try temporaryDirectory()
        let h = try receipt(directory: directory)
        h.press(.function(9))
        XCTAssertEqual(h.session.message, .info("Aucune imprimante configurée (GUICHET_IMPRIMANTE) : le récépissé est dans "
                                                + "\(directory)/recepisses/BS-2026-000001.txt."))
    }

    func testAReceiptThatCannotBeWrittenSaysTheDossierIsSaved() throws {
        let directory = try temporaryDirectory()
        // A file where the folder of récépissés should be: the folder cannot be created.
        try Data().write(to: URL(fileURLWithPath: directory + "/recepisses"))
        let h = try receipt(directory: directory)
        XCTAssertEqual(h.session.message, .error("Dossier BS-2026-000001 déposé et enregistré, mais le récépissé n'a pas pu "
                                                 + "être écrit dans \(directory)/recepisses (droits d'accès ?) ; F9 : réessayer."))
        h.press(.down)
        XCTAssertEqual(h.line(21).trimmingCharacters(in: .whitespaces), "Récépissé non enregistré : F9 pour réessayer.")
        // Once the folder is fixed, F9 writes the file.
        try FileManager.default.removeItem(atPath: directory + "/recepisses")
        h.press(.function(9))
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/recepisses/BS-2026-000001.txt"))
        h.press(.down)
        XCTAssertTrue(h.line(21).hasPrefix(" Fichier : \(directory)/recepisses/BS-2026-000001.txt"), h.line(21))
    }

    func testEnterF3AndEscapeGoBack() throws {
        let directory = try temporaryDirectory()
        for key in [KeyEvent.enter, .function(3), .escape] {
            let h = try receipt(directory: directory)
            h.press(key)
            XCTAssertTrue(h.line(0).contains("Accueil"), "\(key): \(h.line(0))")
        }
    }

    func testAShortReceiptDoesNotScroll() throws {
        let directory = try temporaryDirectory()
        var submitted = ScreenProcedures.submitted(missing: [])
        submitted.receipt.beneficiaryName = nil
        submitted.receipt.received = []
        let h = try receipt(directory: directory, submitted: submitted)
        XCTAssertFalse(h.line(1).contains("lignes"), h.line(1))
        XCTAssertTrue(h.screen.contains("Pièces manquantes :\n       (aucune)"), h.screen)
    }
}
