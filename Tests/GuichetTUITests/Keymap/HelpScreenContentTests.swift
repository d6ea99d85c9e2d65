import XCTest
@testable import GuichetTUI

final class HelpScreenContentTests: XCTestCase {
    func testLinesComeFromTheKeymap() throws {
        let keymap = try Keymap.parse("""
            bind generic F1 aide
            bind generic Esc annuler
            bind generic C-q quitter
            bind fiche F5 historique
            bind fiche M-m modifier
            """, fileName: "keymap.conf")
        XCTAssertEqual(HelpScreenContent(keymap: keymap, context: .fiche).lines, [
            "F5       Hist. : afficher l'historique du champ choisi (ses valeurs et leur source)",
            "Alt+M    Modifier : modifier la fiche",
            "F1       Aide : afficher cette aide",
            "Échap    Annuler : annuler la saisie en cours",
            "Ctrl+Q   Quitter : quitter Guichet",
        ])
    }

    func testDefaultHelpForSaisieListsEveryKeyInEffectOnce() {
        let help = HelpScreenContent(keymap: DefaultKeymap.keymap, context: .saisie)
        XCTAssertTrue(help.lines.contains("F10      Enreg. : enregistrer la saisie"))
        XCTAssertTrue(help.lines.contains("F6       Doublon : ouvrir le tiers déjà connu au lieu d'en créer un autre"))
        XCTAssertTrue(help.lines.contains("F1       Aide : afficher cette aide"))
        XCTAssertTrue(help.lines.contains("Entrée   Suivant : aller au champ suivant"), "saisie overrides Enter")
        XCTAssertFalse(help.lines.contains { $0.hasPrefix("Entrée") && $0.contains("Ouvrir") })
        XCTAssertEqual(help.lines.count, DefaultKeymap.keymap.bindings(in: .saisie).count)
    }

    func testEveryActionHasALabelThatFitsTheBarAndADescription() {
        for action in KeyAction.allCases {
            XCTAssertLessThanOrEqual(DisplayWidth.of(action.label), 8, action.name)
            XCTAssertFalse(action.helpDescription.isEmpty, action.name)
        }
    }
}
