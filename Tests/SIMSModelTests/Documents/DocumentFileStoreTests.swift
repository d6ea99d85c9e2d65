import Crypto
import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Files of documents kept by content hash: deduplication, writes that a crash cannot leave half
/// done, and `check` finding missing and altered files.
final class DocumentFileStoreTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var documents: DocumentService { DocumentService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
    }

    override func tearDown() { test.remove() }

    func file(_ name: String, _ text: String) throws -> URL {
        let url = URL(fileURLWithPath: test.directory).appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func testAFileIsStoredUnderItsHashAndRecordedWithItsRow() throws {
        let scan = try file("scan.pdf", "%PDF-1.4 justificatif de domicile")
        let attached = try documents.attach(fileAt: scan, type: .proofOfAddress, issuedOn: "2026-11-02", pages: 1,
                                            originalName: "scan.pdf", owners: [family.parent.id], by: test.counter)
        let document = attached.document
        XCTAssertFalse(attached.deduplicated)
        let sha = try XCTUnwrap(document.sha256)
        XCTAssertEqual(sha, HexDigest.string(SHA256.hash(data: try Data(contentsOf: scan))))
        let stored = try XCTUnwrap(documents.fileURL(of: document))
        XCTAssertEqual(stored.path, test.directory + "/documents/\(sha.prefix(2))/\(sha).pdf")
        XCTAssertEqual(try Data(contentsOf: stored), try Data(contentsOf: scan))
        XCTAssertEqual(document.size, 33)
        XCTAssertEqual(document.ocrState, .pending)
        XCTAssertEqual(document.ownerIDs, [family.parent.id])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: test.directory + "/documents")
        XCTAssertEqual(leftovers.filter { $0.hasPrefix(".entrant") }, [], "no temporary file is left")
    }

    func testTheSameFileTwiceIsStoredOnceAndItsDocumentReused() throws {
        let first = try documents.attach(fileAt: try file("a.pdf", "%PDF-1.4 livret"), type: .familyRecordBook,
                                         owners: [family.parent.id], by: test.counter)
        let again = try documents.attach(fileAt: try file("b.pdf", "%PDF-1.4 livret"), type: .familyRecordBook,
                                         owners: [family.child.id], by: test.counter)
        XCTAssertTrue(again.deduplicated)
        XCTAssertEqual(again.document.id, first.document.id)
        XCTAssertEqual(again.document.ownerIDs, [family.parent.id, family.child.id].sorted())
        let rows = try test.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") }
        XCTAssertEqual(rows, 1)
        XCTAssertEqual(DocumentFileStore(storePath: test.store.path).storedHashes().count, 1)
    }

    func testACrashBetweenTheFileAndItsRowLeavesNoRowWithoutItsFile() throws {
        // The file was stored, then the process died before the row committed.
        let scan = try file("scan.pdf", "%PDF-1.4 avis d'imposition")
        let stored = try DocumentFileStore(storePath: test.store.path).put(fileAt: scan)
        var report = try DocumentFileVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "a file without its row is not a broken document")
        XCTAssertEqual(report.orphans, 1)
        // The agent stores it again: the file already there is reused, the row now written.
        let attached = try documents.attach(fileAt: scan, type: .taxNotice, owners: [family.parent.id], by: test.counter)
        XCTAssertEqual(attached.document.sha256, stored.sha256)
        report = try DocumentFileVerifier.verify(test.store)
        XCTAssertEqual(report.orphans, 0)
        XCTAssertEqual(report.checked, 1)

        // A file that cannot be read is refused before any row is written.
        let missing = URL(fileURLWithPath: test.directory + "/absent.pdf")
        XCTAssertThrowsError(try documents.attach(fileAt: missing, type: .taxNotice, owners: [family.parent.id], by: test.counter)) {
            XCTAssertTrue("\($0)".contains("absent.pdf"), "\($0)")
        }
        let rows = try test.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM document") }
        XCTAssertEqual(rows, 1)
    }

    func testCheckNamesMissingAndAlteredFiles() throws {
        let kept = try documents.attach(fileAt: try file("a.pdf", "%PDF-1.4 a"), type: .identityDocument,
                                        owners: [family.parent.id], by: test.counter).document
        let lost = try documents.attach(fileAt: try file("b.pdf", "%PDF-1.4 b"), type: .proofOfAddress,
                                        owners: [family.parent.id], by: test.counter).document
        let altered = try documents.attach(fileAt: try file("c.png", "\u{89}PNG c"), type: .photo,
                                           owners: [family.child.id], by: test.counter).document
        try FileManager.default.removeItem(at: try XCTUnwrap(documents.fileURL(of: lost)))
        try Data("changed".utf8).write(to: try XCTUnwrap(documents.fileURL(of: altered)))
        let report = try DocumentFileVerifier.verify(test.store)
        XCTAssertFalse(report.isSound)
        XCTAssertEqual(report.checked, 3)
        XCTAssertEqual(report.missing.count, 1)
        XCTAssertTrue(report.missing[0].hasPrefix("Pièce n° \(lost.id) (Justificatif de domicile) : fichier "), report.missing[0])
        XCTAssertEqual(report.corrupt.count, 1)
        XCTAssertTrue(report.corrupt[0].contains("Pièce n° \(altered.id) (Photo d'identité)"), report.corrupt[0])
        XCTAssertFalse((report.missing + report.corrupt).joined().contains("n° \(kept.id) "))
    }

    func testAPieceAttachedToADossierIsListedWithItAndSatisfiesThePiece() throws {
        let intake = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                                                 beneficiaryID: family.child.id, by: test.counter)
        let attached = try documents.attach(fileAt: try file("certificat.pdf", "%PDF-1.4 certificat"), type: .schoolCertificate,
                                            issuedOn: "2026-11-20", owners: [family.child.id], dossierID: intake.dossier.id,
                                            pieceKey: "scolarite", by: test.counter)
        XCTAssertEqual(try documents.documents(ofDossier: intake.dossier.id).map(\.id), [attached.document.id])
        let dossier = try DossierService(store: test.store).dossier(id: intake.dossier.id)
        XCTAssertEqual(dossier.pieces["scolarite"], .reused(documentID: attached.document.id))
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }
}
