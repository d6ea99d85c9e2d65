import XCTest
@testable import GuichetTUI

final class FunctionKeyBarTests: XCTestCase {
    func testBarAt80ColumnsForAGivenKeymap() throws {
        let keymap = try Keymap.parse("""
            bind generic F1 aide
            bind generic F3 retour
            bind generic F12 annuler
            bind generic Esc annuler
            bind generic C-q quitter
            bind saisie F10 enregistrer
            bind saisie F8 page-suivante
            """, fileName: "keymap.conf")
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .saisie).text(width: 80),
                       "F1Aide  F3Retour  F8PgSuiv  F10Enreg.  F12Annuler")
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .generic).text(width: 80),
                       "F1Aide  F3Retour  F12Annuler", "only plain function keys appear")
    }

    func testDefaultBarsAt80Columns() {
        let keymap = DefaultKeymap.keymap
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .saisie).text(),
                       "F1Aide  F3Retour  F6Doublon  F7Dbl.préc  F8Dbl.suiv  F10Enreg.  F12Annuler")
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .recherche).text(),
                       "F1Aide  F2Personne  F3Retour  F4Organis.  F7PgPréc  F8PgSuiv  F12Annuler")
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .fiche).text(),
                       "F1Aide  F2Vérif.  F3Retour  F4Numér.  F5Hist.  F6Modifier  F9Dossier  F10Jointes")
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .aide).text(),
                       "F1Aide  F3Retour  F7PgPréc  F8PgSuiv  F12Retour")
    }

    func testWhatDoesNotFitIsDropped() {
        let bar = FunctionKeyBar(keymap: DefaultKeymap.keymap, context: .recherche)
        XCTAssertEqual(bar.text(width: 80),
                       "F1Aide  F2Personne  F3Retour  F4Organis.  F7PgPréc  F8PgSuiv  F12Annuler")
        XCTAssertEqual(bar.text(width: 60), "F1Aide  F2Personne  F3Retour  F4Organis.  F7PgPréc  F8PgSuiv",
                       "F12Annuler would need 72 columns")
        XCTAssertEqual(bar.text(width: 20), "F1Aide  F2Personne")
        XCTAssertEqual(bar.visibleBindings(width: 20).map(\.action), [.aide, .nouvellePersonne])
    }

    func testAnEntryTooWideIsSkippedButLaterOnesStillFit() throws {
        let keymap = try Keymap.parse("""
            bind generic F1 aide
            bind generic F2 nouvelle-organisation
            bind generic F3 retour
            """, fileName: "keymap.conf")
        // "F1Aide" (6) + "  F2Organis." (12) = 18 > 17, "  F3Retour" (10) fits.
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .generic).text(width: 17), "F1Aide  F3Retour")
    }

    func testAccueilShowsOnlyItsMenuKeys() {
        XCTAssertEqual(FunctionKeyBar(keymap: DefaultKeymap.keymap, context: .accueil).text(),
                       "F1Aide  F2Personne  F3Quitter  F4Organis.  F5Cherche  F6Brouill.  F9Dossier")
    }

    func testKeyIsPlainAndLabelIsReversedOnTheLastRow() {
        var buffer = CellBuffer(width: 80, height: 24)
        buffer.put("ancien contenu", x: 0, y: 23)
        let keymap = try! Keymap.parse("bind generic F1 aide\nbind generic F3 retour", fileName: "keymap.conf")
        FunctionKeyBar(keymap: keymap, context: .fiche).render(into: &buffer)
        XCTAssertEqual(buffer.lines[23].trimmingCharacters(in: .whitespaces), "F1Aide  F3Retour")
        XCTAssertEqual(buffer[0, 23].style, .plain)         // F
        XCTAssertEqual(buffer[1, 23].style, .plain)         // 1
        XCTAssertEqual(buffer[2, 23].style, .reversed)      // A of Aide
        XCTAssertEqual(buffer[5, 23].style, .reversed)      // e of Aide
        XCTAssertEqual(buffer[6, 23].style, .plain)         // separator
        XCTAssertEqual(buffer[10, 23].style, .reversed)     // R of Retour
    }

    func testTheBarFollowsTheKeymapNotAFixedList() throws {
        let user = try Keymap.parse("bind saisie F10 aucune\nbind saisie F9 enregistrer", fileName: "keymap.conf")
        let keymap = Keymap.merged(DefaultKeymap.keymap, user)
        XCTAssertEqual(FunctionKeyBar(keymap: keymap, context: .saisie).text(),
                       "F1Aide  F3Retour  F6Doublon  F7Dbl.préc  F8Dbl.suiv  F9Enreg.  F12Annuler")
    }
}
