import XCTest
import SIMSModel
@testable import GuichetTUI

/// Editing a field: the line-editing keys are keymap actions (listed in F1, unbindable), and a
/// paste that does not fit or holds control characters is refused with a message, never cut.
final class FieldEditingTests: XCTestCase {
    private func newPerson(_ h: ScreenHarness) {
        h.press(.character("p"))
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"), h.line(0))
    }

    private func nameField(_ h: ScreenHarness) -> String {
        let row = h.terminal.screenLines.first { $0.contains("Nom de naissance*") } ?? ""
        return String(row.dropFirst(22).prefix(32)).trimmingCharacters(in: .whitespaces)
    }

    func testLineEditingKeysAreKeymapActionsListedInTheHelp() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.type("Wam")
        h.press(.ctrl("a"))
        h.type("O")
        h.press(.ctrl("e"))
        h.type("ytan")
        XCTAssertEqual(nameField(h), "OWamytan", "Ctrl-A is debut-champ, Ctrl-E fin-champ")
        h.press(.key(.home), .key(.delete), .key(.end))
        h.type(" Wayenece")
        h.press(.ctrl("w"))
        XCTAssertEqual(nameField(h), "Wamytan", "Ctrl-W deletes the word before the cursor")
        h.press(.ctrl("u"))
        XCTAssertEqual(nameField(h), "", "Ctrl-U clears the field")

        h.press(.function(1))
        for line in ["Ctrl+A   Début : aller au début du champ", "Fin : aller à la fin du champ",
                     "Ctrl+W   EffMot : effacer le mot avant le curseur", "Ctrl+U   EffChamp : effacer tout le champ",
                     "Ctrl+K   EffFin : effacer du curseur à la fin du champ"] {
            var text = h.screen
            for _ in 0..<5 where !text.contains(line) { h.press(.key(.pageDown)); text += h.screen }
            XCTAssertTrue(text.contains(line), "F1 lists « \(line) »:\n\(text)")
        }
    }

    func testALineEditingKeyBoundToAucuneDoesNothing() throws {
        let overrides = try Keymap.parse("bind generic C-a aucune\n", fileName: "keymap.conf")
        let h = try ScreenHarness(keymap: Keymap.merged(DefaultKeymap.keymap, overrides))
        newPerson(h)
        h.type("Wam")
        h.press(.ctrl("a"))
        h.type("ytan")
        XCTAssertEqual(nameField(h), "Wamytan", "no built-in key left outside keymap.conf")
    }

    func testAPasteTooLongIsRefusedWithItsLengthAndTheLimit() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.type("Wamytan")
        h.press(.paste(String(repeating: "a", count: 10_000)))
        XCTAssertEqual(nameField(h), "Wamytan", "nothing was cut in, nothing lost")
        // The message takes two lines rather than losing its end.
        let message = h.terminal.screenLines[21...22].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertEqual(message, "✗ Collage refusé : texte trop long : 10\u{202F}000 caractères, 80 au plus "
                       + "(le champ en contient déjà 7, reste 73).", h.screen)
    }

    func testAPasteHoldingAControlCharacterIsRefusedNotFiltered() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.press(.paste("Wamy\u{07}tan"))
        XCTAssertEqual(nameField(h), "")
        XCTAssertTrue(h.screen.contains("✗ Collage refusé : le texte contient un caractère de contrôle (U+0007)"), h.screen)
        h.press(.paste("Wamytan\r\n"))
        XCTAssertEqual(nameField(h), "Wamytan", "a line break becomes a space, which the rule trims on leaving")
    }
}
