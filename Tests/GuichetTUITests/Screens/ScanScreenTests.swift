import Foundation
import SIMSModel
import XCTest
@testable import GuichetTUI

/// The scan screen on the in-memory terminal: a fake scanimage that waits for the test between
/// pages (deterministic), and SANE's test backend for the tier record.
final class ScanScreenTests: XCTestCase {
    private var directory: URL!
    private var variables: [String] = []

    /// An 8×8 grey PNG, what the fake scanimage « scans ».
    static let page = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAADklEQVR4nGP4DwUMlDEA98A/wbI0QbsAAAAASUVORK5CYII=")!

    override func setUpWithError() throws {
        guard Self.installed("img2pdf") else { throw XCTSkip("img2pdf is needed") }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-scanscreen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Self.page.write(to: directory.appendingPathComponent("page.png"))
    }

    override func tearDown() {
        for name in variables { unsetenv(name) }
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    static func installed(_ command: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }

    /// Sets a variable of this process for the screens' `ScanSettings.configured` (undone in tearDown).
    func set(_ name: String, _ value: String) {
        setenv(name, value, 1)
        variables.append(name)
    }

    /// A fake scanimage giving `pages` pages; before writing page N it waits for the file `goN`.
    func fakeScanimage(pages: Int) throws -> String {
        let dir = directory.path
        let script = """
            #!/bin/sh
            for a in "$@"; do case "$a" in --batch=*) pattern="${a#--batch=}";; esac; done
            n=1
            while [ $n -le \(pages) ]; do
              echo "Scanning page $n" >&2
              while [ ! -e "\(dir)/go$n" ]; do sleep 0.02; done
              cp "\(dir)/page.png" "$(printf "$pattern" $n)"
              n=$((n+1))
            done
            echo "Batch terminated, \(pages) pages scanned" >&2

            """
        return try write("scanimage-factice", script)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url.path
    }

    func go(_ page: Int) {
        _ = FileManager.default.createFile(atPath: directory.appendingPathComponent("go\(page)").path, contents: nil)
    }

    /// Waits until the scan screen's phase satisfies `condition`, then renders.
    func waitFor(_ h: IntakeHarness, _ scan: ScanScreen, _ condition: (ScanScreen.Phase) -> Bool,
                 file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(15)
        while !condition(scan.phase), Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        XCTAssertTrue(condition(scan.phase), "phase: \(scan.phase)", file: file, line: line)
        h.app.renderFrame()
    }

    /// The renewal's pieces tab, on « Justificatif de domicile » (the applicant's).
    func piecesTab(_ h: IntakeHarness) throws -> IntakeScreen {
        try h.lastYearsGrant()
        let screen = try h.openIntake("RBS")
        h.press(.function(5))
        XCTAssertEqual(screen.tab, .pieces)
        XCTAssertEqual(screen.intake.checks[screen.pieceSelected].requirement.key, "domicile")
        return screen
    }

    func testF9ScansTheSelectedPieceIntoTheDossier() throws {
        let h = try IntakeHarness()
        let before = Set(try DirectoryContents.scans())
        set("GUICHET_COMMANDE_SCANIMAGE", try fakeScanimage(pages: 2))
        set("GUICHET_SCANNER_SOURCE", "ADF")
        let intake = try piecesTab(h)
        XCTAssertTrue(h.screen.contains("✗ Justificatif de domicile · moins de 3 mois"), h.screen)
        h.press(.function(9))
        let scan = try XCTUnwrap(h.app.top as? ScanScreen)
        XCTAssertTrue(scan.wantsTicks)
        XCTAssertTrue(h.line(0).contains("Numérisation : Justificatif de domicile"), h.screen)
        XCTAssertTrue(h.screen.contains("Pour : WAMYTAN Hélène · dossier n°"), h.screen)
        waitFor(h, scan) { $0 == .scanning(page: 1) }
        XCTAssertTrue(h.screen.contains("Numérisation en cours… page 1"), h.screen)
        XCTAssertTrue(h.screen.contains("Posez les feuilles dans le chargeur du scanner."), h.screen)
        XCTAssertTrue(h.screen.contains("Échap ou F12 : annuler la numérisation"), h.screen)
        go(1)
        waitFor(h, scan) { $0 == .scanning(page: 2) }
        XCTAssertTrue(h.screen.contains("Numérisation en cours… page 2"), h.screen)
        go(2)
        XCTAssertTrue(scan.waitUntilFinished())
        XCTAssertTrue(scan.wantsTicks, "the main loop still has to draw the end")
        h.app.renderFrame()
        XCTAssertFalse(scan.wantsTicks, "drawn: no more ticks")
        XCTAssertTrue(h.screen.contains("✓ Pièce jointe : Justificatif de domicile (2 pages)"), h.screen)

        let documents = try DocumentService(store: h.store).documents(ofDossier: intake.intake.dossier.id)
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents.first?.type, .proofOfAddress)
        XCTAssertEqual(documents.first?.pages, 2)
        XCTAssertEqual(documents.first?.fileExtension, "pdf")
        XCTAssertEqual(documents.first?.ownerIDs, [h.parent.id])
        let file = try XCTUnwrap(documents.first.flatMap { DocumentService(store: h.store).fileURL(of: $0) })
        XCTAssertEqual(try Data(contentsOf: file).prefix(4), Data("%PDF".utf8))

        h.press(.function(3))
        XCTAssertTrue(h.app.top === intake, h.screen)
        XCTAssertTrue(h.line(22).contains("Pièce jointe : Justificatif de domicile (2 pages)."), h.line(22))
        XCTAssertTrue(h.screen.contains("✓ Justificatif de domicile · moins de 3 mois"), h.screen)
        XCTAssertTrue(h.screen.contains("jointe au dossier : Justificatif de domicile"), "scanned now, not on file before: \(h.screen)")
        XCTAssertEqual(intake.pieces["domicile"], .reused(documentID: documents[0].id))
        let saved = try DossierService(store: h.store).dossier(id: intake.intake.dossier.id)
        XCTAssertEqual(saved.pieces["domicile"], .reused(documentID: documents[0].id))
        XCTAssertEqual(Set(try DirectoryContents.scans()), before, "the temporary scan folder is removed")
    }

    func testTheDatePrintedOnTheScannedPieceLetsTheNextDossierReuseIt() throws {
        let h = try IntakeHarness()
        set("GUICHET_COMMANDE_SCANIMAGE", try fakeScanimage(pages: 1))
        set("GUICHET_SCANNER_SOURCE", "ADF")
        let intake = try piecesTab(h)
        h.press(.function(9))
        let scan = try XCTUnwrap(h.app.top as? ScanScreen)
        go(1)
        XCTAssertTrue(scan.waitUntilFinished())
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("Date figurant sur la pièce (jj/mm/aaaa) :"), h.screen)
        h.type("02/12/2026")
        h.press(.key(.enter))
        XCTAssertTrue(h.app.top === scan, "a date after today is refused")
        XCTAssertTrue(h.messageArea.contains("Date de la pièce : le 02/12/2026 est postérieur à aujourd'hui"), h.messageArea)
        h.press(.ctrl("u"))
        h.type("02/11/2026")
        h.press(.key(.enter))
        XCTAssertTrue(h.app.top === intake, h.screen)
        XCTAssertTrue(h.line(22).contains("Pièce jointe : Justificatif de domicile (1 page), datée du 02/11/2026."), h.line(22))
        let document = try XCTUnwrap(DocumentService(store: h.store).documents(ofDossier: intake.intake.dossier.id).first)
        XCTAssertEqual(document.issuedOn, "2026-11-02")
        // The récépissé says it was handed in at the counter, not that it was on file before.
        var dossier = try DossierService(store: h.store).dossier(id: intake.intake.dossier.id)
        dossier.answers.merge(["etablissement": "École Frédéric Surleau", "classe": "CM1", "annee_scolaire": "2026",
                               "situation_familiale": "Marié(e)", "enfants_a_charge": "2", "revenus_annuels": "1850000",
                               "internat": "non"]) { $1 }
        let receipt = try DossierService(store: h.store).submit(dossier, procedure: h.procedure("BS"), by: h.agent).receipt
        XCTAssertTrue(receipt.text.contains("Justificatif de domicile : remise au guichet, numérisée (Justificatif de domicile du 02/11/2026)"),
                      receipt.text)
        // The next dossier of the family is offered the piece: less than 3 months old.
        let next = try DossierService(store: h.store).start(h.procedure("BS"), applicantID: h.parent.id,
                                                            beneficiaryID: h.child.id, by: h.agent)
        XCTAssertEqual(next.dossier.pieces["domicile"], .reused(documentID: document.id))
    }

    func testAnEmptyFeederAttachesNothing() throws {
        let h = try IntakeHarness()
        set("GUICHET_COMMANDE_SCANIMAGE", try write("scanimage-vide", """
            #!/bin/sh
            echo "scanimage: sane_start: Document feeder out of documents" >&2
            exit 7

            """))
        let intake = try piecesTab(h)
        h.press(.function(9))
        let scan = try XCTUnwrap(h.app.top as? ScanScreen)
        XCTAssertTrue(scan.waitUntilFinished())
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("✗ Le chargeur est vide : posez les feuilles"), h.screen)
        XCTAssertTrue(h.screen.contains("Rien n'a été joint."), h.screen)
        h.press(.key(.enter))
        XCTAssertTrue(h.app.top === intake)
        XCTAssertTrue(h.screen.contains("✗ Justificatif de domicile · moins de 3 mois"), h.screen)
        XCTAssertEqual(try DocumentService(store: h.store).documents(ofDossier: intake.intake.dossier.id), [])
    }

    func testEscapeCancelsTheScan() throws {
        let h = try IntakeHarness()
        let before = Set(try DirectoryContents.scans())
        set("GUICHET_COMMANDE_SCANIMAGE", try fakeScanimage(pages: 2))
        let intake = try piecesTab(h)
        h.press(.function(9))
        let scan = try XCTUnwrap(h.app.top as? ScanScreen)
        waitFor(h, scan) { $0 == .scanning(page: 1) }
        XCTAssertTrue(h.screen.contains("Posez la feuille sur la vitre du scanner."), h.screen)
        h.press(.escape)
        XCTAssertTrue(scan.waitUntilFinished())
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("✗ Numérisation annulée : rien n'a été joint."), h.screen)
        XCTAssertTrue(h.app.top === scan, "the agent reads the message first")
        h.press(.function(3))
        XCTAssertTrue(h.app.top === intake)
        XCTAssertEqual(try DocumentService(store: h.store).documents(ofDossier: intake.intake.dossier.id), [])
        XCTAssertEqual(Set(try DirectoryContents.scans()), before, "the temporary scan folder is removed")
    }

    func testF4OnATierRecordAsksTheTypeThenScansWithTheTestBackend() throws {
        guard Self.installed("scanimage") else { throw XCTSkip("scanimage (sane-utils) is needed") }
        let h = try IntakeHarness()
        let config = directory.appendingPathComponent("sane.d")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "test\n".write(to: config.appendingPathComponent("dll.conf"), atomically: true, encoding: .utf8)
        set("SANE_CONFIG_DIR", config.path)
        set("GUICHET_SCANNER", "test")
        h.app.open(try TierRecordScreen(session: h.session, tierID: h.parent.id))
        h.press(.function(4))
        let scan = try XCTUnwrap(h.app.top as? ScanScreen)
        XCTAssertTrue(h.screen.contains("Quel type de pièce numériser ?"), h.screen)
        XCTAssertTrue(h.screen.contains("Pour : WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.terminal.screenLines.contains { $0.contains("Pièce d'identité") }, h.screen)
        h.press(.down, .enter)
        XCTAssertTrue(h.line(0).contains("Numérisation : Justificatif de domicile"), h.screen)
        XCTAssertTrue(scan.waitUntilFinished())
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("✓ Pièce jointe : Justificatif de domicile (1 page)"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.app.top is TierRecordScreen, h.screen)
        let documents = try DocumentService(store: h.store).documents(ownedBy: h.parent.id)
        XCTAssertEqual(documents.map(\.type), [.proofOfAddress])
        XCTAssertEqual(documents.first?.pages, 1)
    }

    func testEscapeOnTheTypeListGoesBack() throws {
        let h = try IntakeHarness()
        h.app.open(try TierRecordScreen(session: h.session, tierID: h.parent.id))
        h.press(.function(4))
        XCTAssertTrue(h.app.top is ScanScreen)
        h.press(.escape)
        XCTAssertTrue(h.app.top is TierRecordScreen, h.screen)
    }

    /// The type list says the chosen type in text (« ▸ ») and holds the cursor, after each move.
    func testTheChosenTypeIsMarkedAndHoldsTheCursor() throws {
        let h = try IntakeHarness()
        h.app.open(try TierRecordScreen(session: h.session, tierID: h.parent.id))
        h.press(.function(4))
        XCTAssertTrue(h.app.top is ScanScreen)
        let first = try XCTUnwrap(h.markedRows.first, h.screen)
        h.assertSelection(row: first, reads: " " + DocumentType.allCases[0].label)
        h.press(.down)
        h.assertSelection(row: first + 1, reads: " " + DocumentType.allCases[1].label)
        h.press(.tab)
        h.assertSelection(row: first + 2, reads: " " + DocumentType.allCases[2].label)
        h.press(.up)
        h.assertSelection(row: first + 1, reads: " " + DocumentType.allCases[1].label)
    }
}

/// The scan folders left in the temporary directory.
enum DirectoryContents {
    static func scans() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
            .filter { $0.hasPrefix("guichet-scan-") }
    }
}
