import XCTest
@testable import SIMSModel

/// The pieces checklist (documents on file offered for reuse), pieces handed in, the récépissé.
final class DossierPiecesTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var dossiers: DossierService { DossierService(store: test.store) }
    var documents: DocumentService { DocumentService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
    }

    override func tearDown() { test.remove() }

    func testOnlyDocumentsOfTheRightTypeAgeAndOwnerAreOffered() throws {
        let identity = try documents.register(type: .identityDocument, issuedOn: "2019-06-01", validUntil: "2029-06-01",
                                              owners: [family.parent.id], by: test.counter)
        try documents.register(type: .identityDocument, issuedOn: "2012-01-10", validUntil: "2022-01-10",
                               owners: [family.parent.id], by: test.counter)          // expired
        let recent = try documents.register(type: .proofOfAddress, issuedOn: "2026-10-02", owners: [family.parent.id], by: test.counter)
        try documents.register(type: .proofOfAddress, issuedOn: "2026-07-15", owners: [family.parent.id], by: test.counter) // 4 months
        try documents.register(type: .schoolCertificate, issuedOn: "2026-02-20", owners: [family.parent.id], by: test.counter) // wrong owner

        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        let offered = Dictionary(uniqueKeysWithValues: intake.checks.map { ($0.requirement.key, $0.reusable.map(\.id)) })
        XCTAssertEqual(offered["identite"], [identity.id])
        XCTAssertEqual(offered["domicile"], [recent.id])
        XCTAssertEqual(offered["scolarite"], [], "the certificate is the child's piece, not the parent's")
        XCTAssertEqual(intake.dossier.pieces["identite"], .reused(documentID: identity.id), "reuse is proposed")
        XCTAssertEqual(intake.dossier.pieces["scolarite"], .missing)
    }

    func testTheReceiptListsReceivedAndMissingPiecesAndHandedInPiecesAreReusedNextTime() throws {
        let identity = try documents.register(type: .identityDocument, issuedOn: "2019-06-01", validUntil: "2029-06-01",
                                              owners: [family.parent.id], by: test.counter)
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        var dossier = intake.dossier
        dossier.answers["etablissement"] = "École Frédéric Surleau"
        dossier.answers["classe"] = "CM1"
        dossier.answers["revenus_annuels"] = "1850000"
        dossier.pieces["scolarite"] = .handedIn(issuedOn: "2026-11-02")
        let submitted = try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)
        let receipt = submitted.receipt
        XCTAssertEqual(receipt.received, ["Pièce d'identité : déjà fournie (Pièce d'identité du 01/06/2019)",
                                          "Certificat de scolarité : remise au guichet"])
        XCTAssertEqual(receipt.missing, ["Justificatif de domicile"])
        XCTAssertEqual(submitted.dossier.pieces["identite"], .reused(documentID: identity.id))
        let text = receipt.text
        XCTAssertTrue(text.contains("Dossier n° : BS-2026-000001"), text)
        XCTAssertTrue(text.contains("Code de suivi : \(receipt.trackingCode)"), text)
        XCTAssertTrue(text.contains("Démarche : Demande de bourse scolaire (BS)"), text)
        XCTAssertTrue(text.contains("Bénéficiaire : WAMYTAN Léa"), text)
        XCTAssertTrue(text.contains("Déposé le : 29/11/2026 10:00"), text)
        XCTAssertTrue(text.contains("Réponse attendue au plus tard le : 13/01/2027"), text)
        XCTAssertTrue(text.contains("Pièces manquantes :\n  - Justificatif de domicile\n"), text)
        XCTAssertTrue(text.contains("Reçu par : Marie Gorodey"), text)

        let childDocuments = try documents.documents(ownedBy: family.child.id)
        XCTAssertEqual(childDocuments.map(\.summary), ["Certificat de scolarité du 02/11/2026"])
        let renewal = try dossiers.start(TestProcedures.renewal, applicantID: family.parent.id,
                                         beneficiaryID: family.child.id, by: test.counter)
        XCTAssertEqual(renewal.dossier.pieces["scolarite"], .reused(documentID: childDocuments[0].id),
                       "the certificate handed in last time is offered again")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testDocumentAgeAndValidityRules() {
        let today = CalendarDate(iso: "2026-11-29")!
        let proof = PieceRequirement(key: "domicile", documentType: .proofOfAddress, maxAgeDays: 92)
        func document(_ type: DocumentType, issued: String?, until: String? = nil) -> Document {
            Document(id: 1, type: type, issuedOn: issued, validUntil: until, ownerIDs: [1], createdAt: "")
        }
        XCTAssertTrue(PieceChecklist.satisfies(document(.proofOfAddress, issued: "2026-08-29"), proof, today: today))
        XCTAssertFalse(PieceChecklist.satisfies(document(.proofOfAddress, issued: "2026-08-28"), proof, today: today))
        XCTAssertFalse(PieceChecklist.satisfies(document(.proofOfAddress, issued: nil), proof, today: today),
                       "without an issue date its age cannot be vouched for")
        XCTAssertFalse(PieceChecklist.satisfies(document(.taxNotice, issued: "2026-11-01"), proof, today: today))
        let identity = PieceRequirement(key: "identite", documentType: .identityDocument)
        XCTAssertTrue(PieceChecklist.satisfies(document(.identityDocument, issued: "2010-01-01", until: "2026-11-29"), identity, today: today))
        XCTAssertFalse(PieceChecklist.satisfies(document(.identityDocument, issued: "2010-01-01", until: "2026-11-28"), identity, today: today))
    }
}
