import Foundation
import XCTest
@testable import GuichetTUI

final class DefaultKeymapTests: XCTestCase {
    /// The repository's keymap.conf, found from this file: Tests/GuichetTUITests/Keymap/ -> root.
    private var repositoryKeymapURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("keymap.conf")
    }

    func testEmbeddedTextIsExactlyTheRepositoryFile() throws {
        let data = try Data(contentsOf: repositoryKeymapURL)
        XCTAssertEqual(Array(DefaultKeymap.text.utf8), [UInt8](data),
                       "the embedded keymap differs from keymap.conf: the KeymapEmbedding plugin did not run")
    }

    func testDefaultsParse() throws {
        XCTAssertNoThrow(try Keymap.parse(DefaultKeymap.text, fileName: DefaultKeymap.fileName))
        XCTAssertEqual(try Keymap.parse(DefaultKeymap.text, fileName: "keymap.conf"), DefaultKeymap.keymap)
    }

    func testDefaultsFollowTheCounterConventions() {
        let keymap = DefaultKeymap.keymap
        let expectations: [(KeyEvent, KeymapContext, KeyAction)] = [
            (.function(1), .fiche, .aide),
            (.function(3), .fiche, .retour),
            (.function(3), .accueil, .quitter),
            (.function(7), .recherche, .pagePrecedente),
            (.function(8), .recherche, .pageSuivante),
            (.function(10), .saisie, .enregistrer),
            (.ctrl("s"), .saisie, .enregistrer),
            (.function(12), .saisie, .annuler),
            (.escape, .saisie, .annuler),
            (.tab, .saisie, .champSuivant),
            (.backTab, .saisie, .champPrecedent),
            (.up, .recherche, .lignePrecedente),
            (.down, .recherche, .ligneSuivante),
            (.enter, .recherche, .ouvrir),
            (.enter, .saisie, .champSuivant),
            (.function(2), .recherche, .nouvellePersonne),
            (.function(4), .recherche, .nouvelleOrganisation),
            (.function(5), .fiche, .historique),
            (.function(6), .fiche, .modifier),
            (.ctrl("q"), .saisie, .quitter),
            (.escape, .aide, .retour),
        ]
        for (event, context, action) in expectations {
            XCTAssertEqual(keymap.action(for: event, in: context), action, "\(event) in \(context)")
        }
    }

    func testDefaultsNeverBindPrintableCharactersWhereTextIsTyped() {
        for context in [KeymapContext.generic, .recherche, .saisie, .fiche] {
            let typed = DefaultKeymap.keymap.bindings(in: context).filter {
                if case .character = $0.key.key { return $0.key.modifiers.isEmpty }
                return false
            }
            XCTAssertEqual(typed, [], "\(context)")
        }
    }
}
