import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The OCR worker: real French pages read by tesseract, and fake commands for a missing
/// tesseract, a failing one, and one process at a time.
final class OCRWorkerTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var documents: DocumentService { DocumentService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
    }

    override func tearDown() { test.remove() }

    // MARK: Helpers

    /// Attaches a file with these bytes; returns the document's id.
    @discardableResult
    func attach(_ name: String, _ data: Data) throws -> Int64 {
        let url = URL(fileURLWithPath: test.directory).appendingPathComponent(name)
        try data.write(to: url)
        return try documents.attach(fileAt: url, type: .proofOfAddress, pages: 1, originalName: name,
                                    owners: [family.parent.id], by: test.counter).document.id
    }

    func state(_ id: Int64) throws -> (OCRState?, String?) {
        try test.store.sqlitePool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT ocr_state, ocr_text FROM document WHERE id = ?", arguments: [id])!
            return ((row["ocr_state"] as String?).flatMap(OCRState.init(rawValue:)), row["ocr_text"])
        }
    }

    /// A fake tesseract: `--list-langs` prints `languages`; reading runs `body` (sh).
    func fakeTesseract(languages: String = "fra", body: String) throws -> OCREngine {
        let script = test.directory + "/fake-tesseract"
        try """
            #!/bin/sh
            if [ "$1" = "--list-langs" ]; then echo "List of available languages (1):"; echo "\(languages)"; exit 0; fi
            \(body)
            """.write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        var environment = ProcessInfo.processInfo.environment
        environment["GUICHET_COMMANDE_TESSERACT"] = script
        environment["FAKE_DIR"] = test.directory
        return OCREngine(environment: environment)
    }

    func realEngine() throws -> OCREngine {
        let engine = OCREngine()
        if case .unavailable(let reason) = engine.availability() { throw XCTSkip("tesseract absent : \(reason)") }
        guard FileManager.default.isExecutableFile(atPath: engine.pdftoppm) else { throw XCTSkip("pdftoppm absent") }
        return engine
    }

    // MARK: Real tesseract

    func testARealFrenchPageAndPDFAreRead() throws {
        let engine = try realEngine()
        let lines = ["Attestation de domicile", "", "Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa,",
                     "réside au 12 rue de Sébastopol. Téléphone : 25.12.34"]
        let pdf = OCRSamplePage.pdf(lines: lines, pointSize: 16)
        let pdfURL = URL(fileURLWithPath: test.directory + "/lettre.pdf")
        try pdf.write(to: pdfURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine.pdftoppm)
        process.arguments = ["-r", "150", "-png", "-singlefile", pdfURL.path, test.directory + "/page"]
        try process.run()
        process.waitUntilExit()
        let image = try attach("scan.png", Data(contentsOf: URL(fileURLWithPath: test.directory + "/page.png")))
        let document = try attach("courrier.pdf", pdf + Data("% autre copie\n".utf8))

        let worker = OCRWorker(store: test.store, engine: engine)
        XCTAssertEqual(try worker.processPending(), 2)
        XCTAssertTrue(worker.isAvailable)
        XCTAssertEqual(worker.documentsRead, 2)
        for id in [image, document] {
            let (ocrState, text) = try state(id)
            XCTAssertEqual(ocrState, .done)
            let folded = SearchText.fold(text ?? "")
            for word in ["attestation", "domicile", "wamytan", "helene", "noumea"] {
                XCTAssertTrue(folded.contains(word), "« \(word) » missing from: \(text ?? "nil")")
            }
            let suggestions = TextSuggestions.extract(from: text ?? "")
            XCTAssertTrue(suggestions.contains { $0.kind == .date && $0.value == "1985-03-14" }, "\(suggestions)")
        }
    }

    // MARK: Without tesseract

    func testWithoutTesseractDocumentsAreMarkedUnavailable() throws {
        let id = try attach("scan.png", Data("image".utf8))
        var environment = ProcessInfo.processInfo.environment
        environment["GUICHET_COMMANDE_TESSERACT"] = test.directory + "/pas-de-tesseract"
        let worker = OCRWorker(store: test.store, engine: OCREngine(environment: environment))
        XCTAssertTrue(worker.isAvailable, "not known before the check")
        XCTAssertEqual(try worker.processPending(), 1)
        XCTAssertFalse(worker.isAvailable)
        XCTAssertTrue(worker.unavailableReason?.contains("tesseract est introuvable") ?? false, worker.unavailableReason ?? "nil")
        XCTAssertEqual(try state(id).0, .unavailable)
        XCTAssertEqual(try documents.documents(ownedBy: family.parent.id).first?.ocrState, .unavailable)
    }

    func testWithoutTheFrenchModelDocumentsAreMarkedUnavailable() throws {
        let id = try attach("scan.png", Data("image".utf8))
        let worker = OCRWorker(store: test.store, engine: try fakeTesseract(languages: "eng", body: "echo texte"))
        try worker.processPending()
        XCTAssertFalse(worker.isAvailable)
        XCTAssertTrue(worker.unavailableReason?.contains("fra") ?? false)
        XCTAssertEqual(try state(id).0, .unavailable)
    }

    // MARK: Failures

    func testAFailingTesseractMarksTheDocumentFailedWithItsReason() throws {
        let id = try attach("scan.png", Data("image".utf8))
        let worker = OCRWorker(store: test.store, engine: try fakeTesseract(body: "echo 'Error in pixReadStream: image illisible' >&2; exit 3"))
        XCTAssertEqual(try worker.processPending(), 1)
        let (ocrState, reason) = try state(id)
        XCTAssertEqual(ocrState, .failed)
        XCTAssertEqual(reason, "tesseract a échoué (code 3) : Error in pixReadStream: image illisible.")
        XCTAssertEqual(worker.documentsFailed, 1)
        XCTAssertTrue(worker.isAvailable)
    }

    func testAMissingFileIsAFailureNotACrash() throws {
        let id = try attach("scan.png", Data("image".utf8))
        let stored = try XCTUnwrap(documents.fileURL(of: try documents.documents(ownedBy: family.parent.id)[0]))
        try FileManager.default.removeItem(at: stored)
        let worker = OCRWorker(store: test.store, engine: try fakeTesseract(body: "echo texte"))
        try worker.processPending()
        let (ocrState, reason) = try state(id)
        XCTAssertEqual(ocrState, .failed)
        XCTAssertTrue(reason?.contains("introuvable") ?? false)
    }

    // MARK: Order, priority, one at a time

    func testOldestFirstOnThreadWithOneOMPThread() throws {
        let first = try attach("a.png", Data("premier".utf8))
        let second = try attach("b.png", Data("second".utf8))
        let engine = try fakeTesseract(body: #"echo "omp=$OMP_THREAD_LIMIT"; cat "$1"; echo; echo "$2 $3 $4""#)
        let worker = OCRWorker(store: test.store, engine: engine)
        XCTAssertEqual(try worker.processPending(limit: 1), 1)
        XCTAssertEqual(try state(first).0, .done)
        XCTAssertEqual(try state(first).1, "omp=1\npremier\nstdout -l fra")
        XCTAssertEqual(try state(second).0, .pending)
        XCTAssertEqual(try worker.processPending(limit: 5), 1)
        XCTAssertEqual(try state(second).1, "omp=1\nsecond\nstdout -l fra")
        XCTAssertEqual(try worker.processPending(), 0)
    }

    func testOneTesseractAtATimeAcrossWorkersAndThreads() throws {
        var ids: [Int64] = []
        for index in 0..<6 { ids.append(try attach("scan-\(index).png", Data("page \(index)".utf8))) }
        // Each run notes an overlap when another run is still going (mkdir is atomic).
        let engine = try fakeTesseract(body: """
            if ! mkdir "$FAKE_DIR/running" 2>/dev/null; then echo overlap >> "$FAKE_DIR/overlaps"; fi
            echo run >> "$FAKE_DIR/runs"
            sleep 0.15
            rmdir "$FAKE_DIR/running" 2>/dev/null
            cat "$1"
            """)
        let background = OCRWorker(store: test.store, engine: engine, pollInterval: 0.2)
        let other = OCRWorker(store: test.store, engine: engine, pollInterval: 0.2)
        background.start()
        other.start()
        let group = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                for _ in 0..<10 {
                    _ = try? other.processPending(limit: 1)
                    Thread.sleep(forTimeInterval: 0.05)
                }
            }
        }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try ids.contains(where: { try state($0).0 == .pending }) {
            Thread.sleep(forTimeInterval: 0.1)
        }
        group.wait()
        background.stop()
        other.stop()
        for (index, id) in ids.enumerated() {
            XCTAssertEqual(try state(id).0, .done)
            XCTAssertEqual(try state(id).1, "page \(index)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: test.directory + "/overlaps"), "two tesseract processes ran at once")
        let runs = try String(contentsOfFile: test.directory + "/runs", encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(runs, 6, "each document read once")
        XCTAssertEqual(background.documentsRead + other.documentsRead, 6)
    }

    func testTheBackgroundWorkerReadsWhatIsAttachedAfterAWake() throws {
        let worker = OCRWorker(store: test.store, engine: try fakeTesseract(body: #"cat "$1""#), pollInterval: 60)
        worker.start()
        defer { worker.stop() }
        Thread.sleep(forTimeInterval: 0.2)
        let id = try attach("scan.png", Data("Justificatif de domicile".utf8))
        worker.wake()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, try state(id).0 == .pending { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(try state(id).0, .done)
        XCTAssertEqual(try state(id).1, "Justificatif de domicile")
    }
}
