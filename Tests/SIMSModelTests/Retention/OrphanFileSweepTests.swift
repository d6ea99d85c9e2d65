import Foundation
import XCTest
@testable import SIMSModel

/// Files that no piece names (an erasure interrupted between its commit and the removal of its
/// files) are removed by the nightly purge; a piece's own file and a file just written stay.
final class OrphanFileSweepTests: XCTestCase {
    func testOnlyOldFilesThatNoPieceNamesAreRemoved() throws {
        let test = try TestStore()
        defer { test.remove() }
        let person = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        let scan = URL(fileURLWithPath: test.directory + "/piece.pdf")
        try Data("%PDF-1.4 pièce d'identité".utf8).write(to: scan)
        let kept = try DocumentService(store: test.store).attach(fileAt: scan, type: .identityDocument, owners: [person.id], by: test.counter)
        let files = DocumentFileStore(storePath: test.store.path)
        let left = try files.put(Data("%PDF-1.4 scan d'une personne effacée".utf8), extension: "pdf")
        let fresh = try files.put(Data("%PDF-1.4 pièce en cours d'enregistrement".utf8), extension: "pdf")
        let twoHoursAgo = Date().addingTimeInterval(-7200)
        for url in [files.url(sha256: left.sha256, extension: "pdf"), try XCTUnwrap(DocumentService(store: test.store).fileURL(of: kept.document))] {
            try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: url.path)
        }

        XCTAssertEqual(try OrphanFileSweep.sweep(test.store), 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.url(sha256: left.sha256, extension: "pdf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: files.url(sha256: fresh.sha256, extension: "pdf").path))
        XCTAssertEqual(files.state(of: kept.document.sha256 ?? "", extension: "pdf"), .intact)
        XCTAssertEqual(try OrphanFileSweep.sweep(test.store), 0)
    }
}
