import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Finding a tier's or a dossier's documents by the words of their text, accents and case aside.
final class DocumentTextSearchTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var documents: DocumentService { DocumentService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
    }

    override func tearDown() { test.remove() }

    /// Registers a document of the parent with this text (state `lu`), or another state.
    @discardableResult
    func document(_ type: DocumentType, issuedOn: String, text: String?, state: OCRState = .done) throws -> Int64 {
        let id = try documents.register(type: type, issuedOn: issuedOn, owners: [family.parent.id], by: test.counter).id
        try test.store.sqlitePool.write { db in
            try db.execute(sql: "UPDATE document SET ocr_state = ?, ocr_text = ? WHERE id = ?",
                           arguments: [state.rawValue, text, id])
        }
        return id
    }

    func testEveryWordMustBeFoundAccentsAndCaseAside() throws {
        let domicile = try document(.proofOfAddress, issuedOn: "2026-10-12",
                                    text: "ATTESTATION DE DOMICILE\nMadame WAMYTAN Hélène réside au 12 rue de Sébastopol, Nouméa.")
        let taxes = try document(.taxNotice, issuedOn: "2026-08-01", text: "Avis d'impôt sur le revenu 2025\nRevenu fiscal : 1 850 000 F, Nouméa")
        let search = try DocumentTextSearch(store: test.store, tierID: family.parent.id)
        XCTAssertEqual(search.matches("noumea").map(\.document.id), [domicile, taxes])
        XCTAssertEqual(search.matches("helene NOUMÉA").map(\.document.id), [domicile])
        XCTAssertEqual(search.matches("wamy sébast").map(\.document.id), [domicile], "parts of words while typing")
        XCTAssertEqual(search.matches("impot revenu").map(\.document.id), [taxes])
        XCTAssertEqual(search.matches("domicile impot").map(\.document.id), [])
    }

    func testAnExcerptAroundTheFirstMatchInTheOriginalText() throws {
        let long = "Direction de l'action sanitaire et sociale de la Province Sud. Dossier suivi par le service des bourses.\n"
            + "Je soussignée, Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa, atteste sur l'honneur que mon enfant "
            + "réside à mon domicile depuis le 1er janvier 2020."
        try document(.proofOfAddress, issuedOn: "2026-10-12", text: long)
        let search = try DocumentTextSearch(store: test.store, tierID: family.parent.id)
        let hit = try XCTUnwrap(search.matches("helene").first)
        XCTAssertTrue(hit.excerpt.contains("Hélène"), hit.excerpt)
        XCTAssertTrue(hit.excerpt.hasPrefix("…") && hit.excerpt.hasSuffix("…"), hit.excerpt)
        XCTAssertFalse(hit.excerpt.contains("\n"))
        XCTAssertLessThanOrEqual(hit.excerpt.count, 80)
        XCTAssertEqual(search.matches("").first?.excerpt.hasPrefix("Direction de l'action"), true, "no query: the beginning")
    }

    func testExcerptOfTextWithLigaturesAndDecomposedAccents() throws {
        let decomposed = "Cœur de ville : Mme He\u{301}le\u{300}ne WAMYTAN, œuvre sociale"
        try document(.other, issuedOn: "2026-10-12", text: decomposed)
        let search = try DocumentTextSearch(store: test.store, tierID: family.parent.id)
        XCTAssertEqual(search.matches("oeuvre").first?.excerpt.contains("œuvre"), true)
        XCTAssertEqual(search.matches("helene coeur").count, 1)
    }

    func testOnlyTextThatWasReadIsSearched() throws {
        try document(.proofOfAddress, issuedOn: "2026-10-12", text: "tesseract a échoué : fichier illisible", state: .failed)
        try document(.identityDocument, issuedOn: "2026-10-11", text: nil, state: .pending)
        let search = try DocumentTextSearch(store: test.store, tierID: family.parent.id)
        XCTAssertEqual(search.matches("fichier").count, 0)
        XCTAssertEqual(search.matches("").count, 2, "an empty query lists every document")
    }

    func testADossiersDocuments() throws {
        let scan = URL(fileURLWithPath: test.directory + "/scan.png")
        try Data("image".utf8).write(to: scan)
        let procedure = TestProcedures.schoolGrant
        let intake = try DossierService(store: test.store).start(procedure, applicantID: family.parent.id,
                                                                   beneficiaryID: family.child.id, by: test.counter)
        let attached = try documents.attach(fileAt: scan, type: .schoolCertificate, owners: [family.child.id],
                                            dossierID: intake.dossier.id, by: test.counter)
        try document(.proofOfAddress, issuedOn: "2026-10-12", text: "certificat") // the parent's, not the dossier's
        try test.store.sqlitePool.write { db in
            try db.execute(sql: "UPDATE document SET ocr_state = 'lu', ocr_text = 'Certificat de scolarité : Léa WAMYTAN, CM2' WHERE id = ?",
                           arguments: [attached.document.id])
        }
        let search = try DocumentTextSearch(store: test.store, dossierID: intake.dossier.id)
        XCTAssertEqual(search.matches("certificat lea").map(\.document.id), [attached.document.id])
    }
}
