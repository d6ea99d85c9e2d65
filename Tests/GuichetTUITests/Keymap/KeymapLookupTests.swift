import XCTest
@testable import GuichetTUI

final class KeymapLookupTests: XCTestCase {
    private let defaults = try! Keymap.parse("""
        bind generic F1 aide
        bind generic F3 retour
        bind generic Esc annuler
        bind generic F12 annuler
        bind accueil F3 quitter
        bind saisie F10 enregistrer
        """, fileName: "keymap.conf")

    func testLookupFallsBackOnGeneric() {
        XCTAssertEqual(defaults.action(for: .function(1), in: .saisie), .aide)
        XCTAssertEqual(defaults.action(for: .function(10), in: .saisie), .enregistrer)
        XCTAssertNil(defaults.action(for: .function(10), in: .fiche))
        XCTAssertNil(defaults.action(for: .resize, in: .saisie))
    }

    func testContextBindingWinsOverGeneric() {
        XCTAssertEqual(defaults.action(for: .function(3), in: .accueil), .quitter)
        XCTAssertEqual(defaults.action(for: .function(3), in: .recherche), .retour)
    }

    func testUserBindingsOverrideDefaultsForTheSameContextAndKey() throws {
        let user = try Keymap.parse("""
            bind generic F1 rechercher
            bind saisie C-s enregistrer
            bind generic Esc aucune
            bind fiche F12 aucune
            """, fileName: "keymap.conf")
        let keymap = Keymap.merged(defaults, user)
        XCTAssertEqual(keymap.action(for: .function(1), in: .fiche), .rechercher)
        XCTAssertEqual(keymap.action(for: .ctrl("s"), in: .saisie), .enregistrer)
        XCTAssertEqual(keymap.action(for: .function(10), in: .saisie), .enregistrer, "defaults kept")
        XCTAssertNil(keymap.action(for: .escape, in: .saisie), "« aucune » removes the default")
        XCTAssertNil(keymap.action(for: .function(12), in: .fiche), "unbound in fiche only")
        XCTAssertEqual(keymap.action(for: .function(12), in: .saisie), .annuler)
    }

    func testBindingsListTheContextThenTheGenericOnesItDoesNotOverride() {
        let bindings = defaults.bindings(in: .accueil)
        XCTAssertEqual(bindings.map { "\($0.context.name) \($0.key.name) \($0.action.name)" }, [
            "accueil F3 quitter",
            "generic F1 aide",
            "generic F12 annuler",
            "generic Esc annuler",
        ])
        XCTAssertEqual(defaults.keys(for: .annuler, in: .saisie).map(\.name), ["F12", "Esc"])
    }
}
