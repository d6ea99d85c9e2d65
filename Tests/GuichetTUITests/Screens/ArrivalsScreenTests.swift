import Foundation
import GRDB
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Arrivées: the files of the inbox folder, and attaching a ready one to a tier or a dossier.
final class ArrivalsScreenTests: XCTestCase {
    var h: ScreenHarness!
    var inbox: InboxFolder!
    var tierID: Int64 = 0

    override func setUpWithError() throws {
        h = try ScreenHarness(tiers: [(.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985",
                                                 .commune: "Nouméa"])])
        tierID = try XCTUnwrap(TierSearch(store: h.store).search("wamytan").first?.tierID)
        inbox = try InboxFolder(directory: URL(fileURLWithPath: h.directory).appendingPathComponent("arrivees"))
    }

    /// A one-page PDF whose page shows `lines`, readable by `pdftotext`.
    static func pdf(_ lines: [String]) -> Data {
        let content = "BT /F1 12 Tf 72 720 Td 14 TL " + lines.map { "(\($0)) '" }.joined(separator: " ") + " ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    /// Drops a file dated 09:58 on the harness's day (two minutes before its clock).
    func drop(_ name: String, _ data: Data) throws {
        let url = inbox.directory.appendingPathComponent(name)
        try data.write(to: url)
        try FileManager.default.setAttributes([.modificationDate: ScreenHarness.now.addingTimeInterval(-120)], ofItemAtPath: url.path)
    }

    /// A ready PDF and a refused text file, the screen open on them.
    func openWithTwoFiles() throws {
        try drop("scan-0001.pdf", Self.pdf(["AVIS DE SITUATION RIDET", "", "Institut de la statistique", "WAMYTAN Helene"]))
        try drop("notes.txt", Data("Bonjour".utf8))
        try inbox.scan(now: ScreenHarness.now.addingTimeInterval(-10)) // seen ten seconds ago: ready now
        h.app.open(ArrivalsScreen(session: h.session, inbox: inbox))
        h.app.renderFrame()
    }

    /// The screen with its first body line (the folder's path, different at each run) replaced.
    var screenWithoutPath: String {
        var lines = h.screen.components(separatedBy: "\n")
        XCTAssertTrue(lines[1].hasPrefix(" Dossier : " + h.directory.prefix(20)), lines[1])
        XCTAssertTrue(lines[1].hasSuffix("Entrée : actualiser"), lines[1])
        lines[1] = " Dossier : …"
        return lines.joined(separator: "\n")
    }

    func testTheListShowsReadyFilesWithTheirTextAndRefusedOnesWithTheirReason() throws {
        try openWithTwoFiles()
        XCTAssertEqual(screenWithoutPath, """
             Guichet · Arrivées                                  Marie Gorodey · 29/11/2026
             Dossier : …
             Fichier                       Taille   Reçu le     Début du texte
             Prêts à joindre (1)
            ▸  scan-0001.pdf               659 o    29/11 09:58 AVIS DE SITUATION RIDET
             Refusés (1) : laissés dans le dossier
               notes.txt         ce fichier n'est pas un document (PDF, PNG, JPEG ou TIFF)










             ──────────────────────────────────────────────────────────────────────────────
             scan-0001.pdf · PDF · 659 o · reçu le 29/11/2026 09:58
             AVIS DE SITUATION RIDET
             Institut de la statistique
             WAMYTAN Helene

            F1Aide  F2Joindre  F3Retour  F7PgPréc  F8PgSuiv  F12Annuler
            """)
    }

    func testF2AsksTheTypeThenTheTierAndAttachesTheFile() throws {
        try openWithTwoFiles()
        h.press(.function(2))
        XCTAssertTrue(h.screen.contains("Joindre « scan-0001.pdf » : quel type de pièce ?"), h.screen)
        for _ in 0..<9 { h.press(.down) }
        XCTAssertTrue(h.line(13).contains("Avis de situation RIDET"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Joindre « scan-0001.pdf » (Avis de situation RIDET) à :"), h.screen)
        h.type("wamytan")
        XCTAssertTrue(h.line(6).contains("WAMYTAN Hélène · né(e) le 14/03/1985 · Nouméa"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Pièce jointe à WAMYTAN Hélène : Avis de situation RIDET (scan-0001.pdf)."), h.screen)
        XCTAssertTrue(h.screen.contains("Prêts à joindre (0)"), h.screen)
        XCTAssertFalse(h.screen.contains("scan-0001.pdf  "), h.screen)
        let documents = try DocumentService(store: h.store).documents(ownedBy: tierID)
        XCTAssertEqual(documents.map(\.type), [.ridetNotice])
        XCTAssertEqual(documents.first?.originalName, "scan-0001.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.processedDirectory.appendingPathComponent("scan-0001.pdf").path))
    }

    func testAFileIsAttachedToADossierTypedByItsNumber() throws {
        try h.store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO dossier (number, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                                     created_by, created_at, updated_at)
                VALUES ('BS-2026-000001', 'BS', 'Bourse scolaire', ?, 1, 'depose', '{}', ?, '2026-11-29T00:00:00.000Z',
                        '2026-11-29T00:00:00.000Z')
                """, arguments: [tierID, h.agent.id])
        }
        try openWithTwoFiles()
        h.press(.function(2), .enter) // the first type: pièce d'identité
        h.type("BS-2026-000001")
        XCTAssertTrue(h.line(6).contains("Dossier BS-2026-000001 — Bourse scolaire — WAMYTAN Hélène"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("Pièce jointe au dossier BS-2026-000001 (WAMYTAN Hélène)"), h.screen)
        let dossierID = try XCTUnwrap(try InboxDossier.find(number: "BS-2026-000001", in: h.store)?.id)
        XCTAssertEqual(try DocumentService(store: h.store).documents(ofDossier: dossierID).map(\.type), [.identityDocument])
    }

    func testARefusedFileCannotBeAttached() throws {
        try openWithTwoFiles()
        h.press(.down, .function(2))
        XCTAssertTrue(h.screen.contains("✗ « notes.txt » ne peut pas être joint : ce fichier n'est pas un document"), h.screen)
        XCTAssertTrue(h.screen.contains("Refusé : ce fichier n'est pas un document (PDF, PNG, JPEG ou TIFF)."), h.screen)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.directory.appendingPathComponent("notes.txt").path))
    }

    func testANewFileIsArrivingUntilTheListIsRefreshedAfterItSettled() throws {
        try openWithTwoFiles()
        try drop("scan-0002.pdf", Self.pdf(["Deuxieme"]))
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("En cours d'arrivée (1)"), h.screen)
        h.press(.down, .function(2))
        XCTAssertTrue(h.screen.contains("est en cours d'arrivée"), h.screen)
        XCTAssertTrue(h.screen.contains("Prêts à joindre (1)"), h.screen)
    }

    func testTheHomeScreenOpensTheArrivalsWithA() throws {
        h.press(.character("a"))
        XCTAssertTrue(h.line(0).contains("Guichet · Arrivées"), h.screen)
        XCTAssertTrue(h.screen.contains("Prêts à joindre (0)"), h.screen)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: h.directory + "/arrivees", isDirectory: &isDirectory))
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Accueil"), h.screen)
    }

    /// On the files, the types and the tiers, the selected row is said in text (« ▸ ») and holds
    /// the cursor after each move; typing a name takes the cursor back to the field.
    func testTheCursorAndTheMarkFollowTheSelectionAtEachStep() throws {
        try openWithTwoFiles()
        h.assertSelection(row: 4, reads: "  scan-0001.pdf")
        h.press(.down)
        h.assertSelection(row: 6, reads: "  notes.txt")
        h.press(.up)
        h.assertSelection(row: 4, reads: "  scan-0001.pdf")
        h.press(.function(2))
        h.assertSelection(row: 4, reads: "  " + DocumentType.allCases[0].label)
        h.press(.down)
        h.assertSelection(row: 5, reads: "  " + DocumentType.allCases[1].label)
        h.press(.enter)
        h.type("wamytan")
        XCTAssertEqual(h.cursor, CursorPosition(x: 33, y: 4), "typing: the cursor in the field")
        XCTAssertEqual(h.markedRows, [6], h.screen)
        h.press(.down)
        h.assertSelection(row: 6, reads: "  WAMYTAN Hélène")
    }
}
