import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The inbox folder: files arrive, settle and become ready; odd entries are refused with their
/// reason and left in place; attaching stores the file and moves the original into `traites/`.
final class InboxFolderTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var inbox: InboxFolder!
    let t0 = TestStore.now
    var documents: DocumentService { DocumentService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
        inbox = try InboxFolder(directory: URL(fileURLWithPath: test.directory).appendingPathComponent("arrivees"))
    }

    override func tearDown() { test.remove() }

    /// A one-page PDF whose page shows `lines`, readable by `pdftotext`.
    static func pdf(_ lines: [String]) -> Data { OCRSamplePage.pdf(lines: lines) }

    static let taxNotice = pdf(["AVIS DE SITUATION RIDET", "", "Institut de la statistique", "WAMYTAN Helene", "Ligne 4"])

    @discardableResult
    func drop(_ name: String, _ data: Data) throws -> URL {
        let url = inbox.directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func status(_ name: String, in files: [InboxFile]) -> InboxFile.Status? {
        files.first { $0.name == name }?.status
    }

    /// Scans at t0 then at t0 + 5 s: files untouched in between are ready.
    func settled() throws -> [InboxFile] {
        try inbox.scan(now: t0)
        return try inbox.scan(now: t0.addingTimeInterval(5))
    }

    func testTheFolderIsCreatedBesideTheStoreOrWhereTheEnvironmentSays() throws {
        let beside = try InboxFolder.configured(storePath: test.store.path, environment: [:])
        XCTAssertEqual(beside.directory.path, URL(fileURLWithPath: test.directory).appendingPathComponent("arrivees").standardizedFileURL.path)
        let elsewhere = test.directory + "/scanners/depot"
        let configured = try InboxFolder.configured(storePath: test.store.path,
                                                    environment: ["GUICHET_ARRIVEES": elsewhere, "GUICHET_ARRIVEES_TAILLE_MAX": "3"])
        XCTAssertEqual(configured.directory.path, elsewhere)
        XCTAssertEqual(configured.sizeLimit, 3 << 20)
        XCTAssertEqual(beside.sizeLimit, 50 << 20)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    func testAFileIsArrivingWhenFirstSeenAndReadyOnceUnchangedForTheSettleTime() throws {
        try drop("scan-0001.pdf", Self.taxNotice)
        XCTAssertEqual(status("scan-0001.pdf", in: try inbox.scan(now: t0)), .arriving)
        XCTAssertEqual(status("scan-0001.pdf", in: try inbox.scan(now: t0.addingTimeInterval(1))), .arriving)
        let files = try inbox.scan(now: t0.addingTimeInterval(2))
        let file = try XCTUnwrap(files.first)
        XCTAssertEqual(file.status, .ready)
        XCTAssertEqual(file.kind, .pdf)
        XCTAssertEqual(file.size, Int64(Self.taxNotice.count))
        XCTAssertEqual(file.firstLines, ["AVIS DE SITUATION RIDET", "Institut de la statistique", "WAMYTAN Helene"])
    }

    func testAGrowingFileStaysArriving() throws {
        let url = try drop("scan-0002.pdf", Data("%PDF-1.4\n".utf8))
        try inbox.scan(now: t0)
        for step in 1...3 {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(String(repeating: "x", count: 100 * step).utf8))
            try handle.close()
            XCTAssertEqual(status("scan-0002.pdf", in: try inbox.scan(now: t0.addingTimeInterval(Double(10 * step)))), .arriving)
        }
        XCTAssertEqual(status("scan-0002.pdf", in: try inbox.scan(now: t0.addingTimeInterval(32))), .ready)
    }

    func testImagesAreRecognisedByTheirFirstBytesWhateverTheirName() throws {
        try drop("photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]))
        try drop("carte.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]))
        try drop("intel.tif", Data([0x49, 0x49, 0x2A, 0x00, 8, 0]))
        try drop("motorola.TIFF", Data([0x4D, 0x4D, 0x00, 0x2A, 0, 8]))
        try drop("sans-extension", Data("%PDF-1.7 pas de texte".utf8))
        let files = try settled()
        XCTAssertEqual(files.map(\.name), ["carte.jpg", "intel.tif", "motorola.TIFF", "photo.png", "sans-extension"])
        XCTAssertEqual(files.map(\.kind), [.jpeg, .tiff, .tiff, .png, .pdf])
        XCTAssertTrue(files.allSatisfy(\.isReady))
        XCTAssertEqual(files[0].firstLines, ["(image : le texte sera lu par l'OCR)"])
        XCTAssertEqual(files[4].firstLines, ["(pas de texte lisible)"])
    }

    func testOddEntriesAreRefusedWithTheirReasonAndLeftInPlace() throws {
        inbox.sizeLimit = 1000
        try drop(".cache.pdf", Self.taxNotice)
        try drop("scan.pdf~", Self.taxNotice)
        try drop("scan.pdf.part", Self.taxNotice)
        try drop("copie.TMP", Self.taxNotice)
        try drop("deux\nlignes.pdf", Self.taxNotice)
        try drop(String(repeating: "a", count: 197) + ".pdf", Self.taxNotice)
        try drop("vide.pdf", Data())
        try drop("enorme.pdf", Data("%PDF-1.4\n".utf8) + Data(count: 2000))
        try drop("notes.txt", Data("Bonjour".utf8))
        try drop("faux.pdf", Data("<html>".utf8))
        try FileManager.default.createDirectory(at: inbox.directory.appendingPathComponent("sous-dossier.pdf"),
                                                withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(inbox.directory.appendingPathComponent("tube.pdf").path, 0o600), 0)
        // A name that is not valid UTF-8 (Latin-1 « é »).
        var rawPath = Array(inbox.directory.path.utf8) + Array("/r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9] + Array(".pdf".utf8) + [0]
        let descriptor = rawPath.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        _ = Self.taxNotice.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)

        let files = try settled()
        var reasons: [String: InboxRefusal] = [:]
        for file in files { reasons[file.name] = file.refusal }
        XCTAssertEqual(reasons, [
            ".cache.pdf": .hidden,
            "scan.pdf~": .temporary,
            "scan.pdf.part": .temporary,
            "copie.TMP": .temporary,
            "deux?lignes.pdf": .controlCharacters,
            String(repeating: "a", count: 197) + ".pdf": .nameTooLong,
            "vide.pdf": .empty,
            "enorme.pdf": .tooLarge(limit: 1000),
            "notes.txt": .notDocument,
            "faux.pdf": .notDocument,
            "sous-dossier.pdf": .notRegularFile,
            "tube.pdf": .notRegularFile,
            "r\u{FFFD}sum\u{FFFD}.pdf": .invalidEncoding,
        ])
        XCTAssertTrue(files.allSatisfy { !$0.isReady })
        XCTAssertEqual(InboxRefusal.notDocument.reason, "ce fichier n'est pas un document (PDF, PNG, JPEG ou TIFF)")
        XCTAssertEqual(InboxRefusal.tooLarge(limit: 50 << 20).reason, "fichier trop volumineux (plus de 50 Mo)")

        // Attaching a refused file fails, and nothing is moved or deleted.
        let notes = try XCTUnwrap(files.first { $0.name == "notes.txt" })
        XCTAssertThrowsError(try inbox.attach(notes, type: .other, owners: [family.parent.id], by: test.counter,
                                              documents: documents)) { error in
            XCTAssertEqual("\(error)", "« notes.txt » ne peut pas être joint : ce fichier n'est pas un document (PDF, PNG, JPEG ou TIFF).")
        }
        XCTAssertEqual(try inbox.scan(now: t0.addingTimeInterval(10)).count, 13)
        XCTAssertTrue(FileManager.default.fileExists(atPath: inbox.directory.appendingPathComponent("notes.txt").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: inbox.processedDirectory.path))
        XCTAssertEqual(try documents.documents(ownedBy: family.parent.id), [])
    }

    func testASymbolicLinkToARealPDFIsRefusedAndLeftInPlace() throws {
        let real = URL(fileURLWithPath: test.directory).appendingPathComponent("ailleurs.pdf")
        try Self.taxNotice.write(to: real)
        let link = inbox.directory.appendingPathComponent("lien.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let files = try settled()
        let file = try XCTUnwrap(files.first)
        XCTAssertEqual(file.status, .refused(.symbolicLink))
        XCTAssertTrue(file.firstLines.isEmpty)
        XCTAssertThrowsError(try inbox.attach(file, type: .other, owners: [family.parent.id], by: test.counter, documents: documents))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), real.path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: real.path))
    }

    func testAttachingStoresTheFileForTheTierAndMovesTheOriginalToTraites() throws {
        let url = try drop("scan-0001.pdf", Self.taxNotice)
        let file = try XCTUnwrap(try settled().first)
        let result = try inbox.attach(file, type: .ridetNotice, owners: [family.parent.id], by: test.counter, documents: documents)
        XCTAssertEqual(result.archivedAt?.path, inbox.directory.appendingPathComponent("traites/scan-0001.pdf").path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(try Data(contentsOf: XCTUnwrap(result.archivedAt)), Self.taxNotice)

        let owned = try documents.documents(ownedBy: family.parent.id)
        XCTAssertEqual(owned.map(\.id), [result.attached.document.id])
        XCTAssertEqual(owned.first?.type, .ridetNotice)
        XCTAssertEqual(owned.first?.originalName, "scan-0001.pdf")
        XCTAssertEqual(owned.first?.fileExtension, "pdf")
        XCTAssertEqual(try Data(contentsOf: XCTUnwrap(documents.fileURL(of: owned[0]))), Self.taxNotice)
        // Not offered again, and `traites/` itself is not listed.
        XCTAssertEqual(try inbox.scan(now: t0.addingTimeInterval(10)), [])

        // The same name again is kept beside the first, never over it.
        try drop("scan-0001.pdf", Self.pdf(["Autre page"]))
        let again = try XCTUnwrap(try settled().first)
        let second = try inbox.attach(again, type: .other, owners: [family.child.id], by: test.counter, documents: documents)
        XCTAssertEqual(second.archivedAt?.lastPathComponent, "scan-0001 (2).pdf")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: inbox.processedDirectory.path).sorted(),
                       ["scan-0001 (2).pdf", "scan-0001.pdf"])
    }

    func testAFileWithoutExtensionIsStoredWithThatOfItsKind() throws {
        try drop("SCAN0001", Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))
        let file = try XCTUnwrap(try settled().first)
        let result = try inbox.attach(file, type: .photo, owners: [family.child.id], by: test.counter, documents: documents)
        XCTAssertEqual(result.attached.document.fileExtension, "jpg")
        XCTAssertEqual(result.attached.document.originalName, "SCAN0001")
        XCTAssertEqual(result.archivedAt?.lastPathComponent, "SCAN0001")
    }

    func testAttachingToADossierFoundByItsNumber() throws {
        try test.store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO dossier (number, tracking_code, procedure_code, procedure_title, applicant_id, applicant_version,
                                     state, answers, created_by, created_at, updated_at)
                VALUES ('BS-2026-000001', 'K7P-3QX', 'BS', 'Bourse scolaire', ?, 1, 'depose', '{}', ?,
                        '2026-11-29T00:00:00.000Z', '2026-11-29T00:00:00.000Z')
                """, arguments: [family.parent.id, test.counter.id])
        }
        let dossier = try XCTUnwrap(try InboxDossier.find(number: " bs-2026-000001 ", in: test.store))
        XCTAssertEqual(dossier.applicantID, family.parent.id)
        XCTAssertNil(try InboxDossier.find(number: "BS-2026-000002", in: test.store))
        XCTAssertNil(try InboxDossier.find(number: "wamytan", in: test.store))
        // By number or by the receipt's tracking code (case, spaces and dash forgiven).
        XCTAssertEqual(try InboxDossier.find(reference: "BS-2026-000001", in: test.store), dossier)
        XCTAssertEqual(try InboxDossier.find(reference: " k7p3qx ", in: test.store), dossier)
        XCTAssertEqual(try InboxDossier.find(reference: "K7P-3QX", in: test.store), dossier)
        XCTAssertNil(try InboxDossier.find(reference: "K7P-3QA", in: test.store))
        XCTAssertNil(try InboxDossier.find(reference: "wamyta", in: test.store))

        try drop("avis.pdf", Self.taxNotice)
        let file = try XCTUnwrap(try settled().first)
        let result = try inbox.attach(file, type: .taxNotice, owners: [dossier.applicantID], dossierID: dossier.id,
                                      by: test.counter, documents: documents)
        XCTAssertEqual(try documents.documents(ofDossier: dossier.id).map(\.id), [result.attached.document.id])
        XCTAssertEqual(result.attached.document.ownerIDs, [family.parent.id])
    }

    func testAFailedAttachLeavesTheFileWhereItWas() throws {
        let url = try drop("scan-0003.pdf", Self.taxNotice)
        let file = try XCTUnwrap(try settled().first)
        XCTAssertThrowsError(try inbox.attach(file, type: .other, owners: [], by: test.counter, documents: documents))
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(status("scan-0003.pdf", in: try inbox.scan(now: t0.addingTimeInterval(6))), .ready)
        XCTAssertFalse(FileManager.default.fileExists(atPath: inbox.processedDirectory.path))

        // A file changed since it was listed is not attached either.
        try Self.pdf(["Autre"]).write(to: url)
        XCTAssertThrowsError(try inbox.attach(file, type: .other, owners: [family.parent.id], by: test.counter,
                                              documents: documents)) { error in
            XCTAssertTrue("\(error)".contains("a changé"), "\(error)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
        XCTAssertEqual(try documents.documents(ownedBy: family.parent.id), [])
    }
}
