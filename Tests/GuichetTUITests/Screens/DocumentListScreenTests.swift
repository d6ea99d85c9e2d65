import Foundation
import GRDB
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Pièces jointes: a tier's documents, filtered by the words of their text as the agent types.
final class DocumentListScreenTests: XCTestCase {
    var h: ScreenHarness!
    var tier: Int64!

    override func setUpWithError() throws {
        h = try ScreenHarness(tiers: [(.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985"])])
        tier = try TierSearch(store: h.store).search("wamytan").first!.tierID
    }

    /// A document of the tier, its text and state set directly.
    @discardableResult
    func document(_ type: DocumentType, issuedOn: String, pages: Int? = nil, text: String?, state: OCRState?) throws -> Int64 {
        let id = try DocumentService(store: h.store).register(type: type, issuedOn: issuedOn, owners: [tier], by: h.agent).id
        try h.store.fixtureWrite { db in
            try db.execute(sql: "UPDATE document SET ocr_state = ?, ocr_text = ?, pages = ? WHERE id = ?",
                           arguments: [state?.rawValue, text, pages, id])
        }
        return id
    }

    func open() {
        h.app.open(DocumentListScreen(session: h.session, tierID: tier))
        h.app.renderFrame()
    }

    func fillDocuments() throws {
        try document(.proofOfAddress, issuedOn: "2026-10-12", pages: 1, text: """
            ATTESTATION DE DOMICILE
            Je soussignée, Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa,
            réside au 12 rue de Sébastopol, 98800 Nouméa.
            """, state: .done)
        try document(.taxNotice, issuedOn: "2026-08-01", pages: 2, text: "Avis d'impôt 2026 sur les revenus 2025\nRevenu fiscal de référence : 1 850 000 F", state: .done)
        try document(.identityDocument, issuedOn: "2026-01-15", pages: 1, text: nil, state: .pending)
    }

    func testTheListAndTheSelectedDocumentsText() throws {
        try fillDocuments()
        open()
        XCTAssertEqual(h.screen, """
             Guichet · Pièces jointes                            Marie Gorodey · 29/11/2026

             Chercher dans le texte :                                     3 pièces

             Type                              Date        Pages  Texte
            ▸Justificatif de domicile          12/10/2026  1      texte lu
             Avis d'imposition                 01/08/2026  2      texte lu
             Pièce d'identité                  15/01/2026  1      lecture en attente





             Justificatif de domicile du 12/10/2026
             ATTESTATION DE DOMICILE
             Je soussignée, Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa,
             réside au 12 rue de Sébastopol, 98800 Nouméa.




             Repéré : nom WAMYTAN Hélène · date 14/03/1985

            F1Aide  F3Retour  F7PgPréc  F8PgSuiv  F12Annuler
            """)
    }

    func testTypingKeepsTheDocumentsWhoseTextHasEveryWord() throws {
        try fillDocuments()
        open()
        h.type("noumea")
        XCTAssertTrue(h.screen.contains("1 sur 3"), h.screen)
        XCTAssertTrue(h.line(5).contains("Justificatif de domicile"), h.screen)
        XCTAssertTrue(h.screen.contains("« …"), "the excerpt around the match")
        h.type(" impot")
        XCTAssertTrue(h.screen.contains("Aucune pièce ne contient ces mots."), h.screen)
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("3 pièces"), "Esc clears the search first")
        h.type("REVENU")
        XCTAssertTrue(h.line(5).contains("Avis d'imposition"), h.screen)
        h.press(.escape, .escape)
        XCTAssertFalse(h.app.top is DocumentListScreen, "Esc on an empty search goes back")
    }

    func testMovingTheSelectionShowsWhereReadingStands() throws {
        try fillDocuments()
        try document(.bankDetails, issuedOn: "2025-12-01", text: "tesseract a échoué (code 1) : image illisible.", state: .failed)
        open()
        h.press(.down, .down)
        XCTAssertTrue(h.screen.contains("Lecture du texte en cours…"), h.screen)
        h.press(.down)
        XCTAssertTrue(h.screen.contains("Lecture impossible : tesseract a échoué (code 1) : image illisible."), h.screen)
    }

    func testOCRUnavailableIsSaid() throws {
        try document(.proofOfAddress, issuedOn: "2026-10-12", text: nil, state: .unavailable)
        open()
        XCTAssertTrue(h.line(3).contains("OCR indisponible"), h.screen)
        XCTAssertTrue(h.screen.contains("OCR indisponible : le texte de cette pièce n'a pas été lu."), h.screen)
    }

    func testATextReadMeanwhileAppearsAtTheNextKey() throws {
        let id = try document(.proofOfAddress, issuedOn: "2026-10-12", text: nil, state: .pending)
        open()
        XCTAssertTrue(h.screen.contains("Lecture du texte en cours…"))
        try h.store.fixtureWrite { db in
            try db.execute(sql: "UPDATE document SET ocr_state = 'lu', ocr_text = 'Quittance de loyer' WHERE id = ?", arguments: [id])
        }
        h.type("loyer")
        XCTAssertTrue(h.screen.contains("1 sur 1"), h.screen)
        XCTAssertTrue(h.screen.contains("Quittance de loyer"), h.screen)
    }

    func testNoDocuments() throws {
        open()
        XCTAssertTrue(h.screen.contains("Aucune pièce jointe."), h.screen)
        XCTAssertTrue(h.screen.contains("0 pièce"), h.screen)
    }

    /// ↑/↓ take the cursor to the selected document (« ▸ » says it in the text); a letter brings
    /// it back to the search field.
    func testTheCursorFollowsTheSelectionAndComesBackToTheFieldWhenTyping() throws {
        try fillDocuments()
        open()
        XCTAssertEqual(h.cursor, CursorPosition(x: 26, y: 2), "the search field first")
        XCTAssertEqual(h.markedRows, [5], h.screen)
        h.press(.down)
        h.assertSelection(row: 6, reads: "Avis d'imposition")
        h.press(.down)
        h.assertSelection(row: 7, reads: "Pièce d'identité")
        h.press(.pageUp)
        h.assertSelection(row: 5, reads: "Justificatif de domicile")
        h.type("r")
        XCTAssertEqual(h.cursor, CursorPosition(x: 27, y: 2), "typing: back in the field")
    }
}
