import XCTest
@testable import GuichetTUI

final class TextFieldTests: XCTestCase {
    private func drawn(_ field: TextField, width: Int, focused: Bool = true) -> (text: String, cursor: CursorPosition) {
        var buffer = CellBuffer(width: width + 2, height: 1)
        let cursor = field.render(into: &buffer, x: 1, y: 0, width: width, style: .plain, focused: focused)
        return (buffer.lines[0], cursor)
    }

    func testTypedAccentsAndCursorMovesEditWhereTheCursorIs() {
        var field = TextField(text: "Hélne")
        field.handle(.key(.left))
        field.handle(.key(.left))
        field.handle(.character("è"))
        XCTAssertEqual(field.text, "Hélène")
        field.handle(.key(.backspace))
        field.handle(.character("e"))
        XCTAssertEqual(field.text, "Hélene")
        field.handle(.key(.home), action: .debutChamp)
        field.handle(.key(.delete))
        XCTAssertEqual(field.text, "élene")
        XCTAssertFalse(field.handle(.key(.function(10))), "not an editing key: the screen's")
    }

    func testAFullFieldSaysSoAndAPasteThatDoesNotFitIsRefusedWhole() {
        var field = TextField(text: "12345", maxLength: 6)
        field.handle(.character("6"))
        field.handle(.character("7"))
        XCTAssertEqual(field.text, "123456")
        XCTAssertEqual(field.refusal, "Champ plein : 6 caractères au plus ; « 7 » n'a pas été ajouté.")
        var address = TextField(maxLength: 40)
        address.handle(.paste("12 rue\nde Sébastopol\t98800"))
        XCTAssertEqual(address.text, "12 rue de Sébastopol 98800", "line breaks and tabs become spaces")
        address.handle(.paste(String(repeating: "x", count: 30)))
        XCTAssertEqual(address.text, "12 rue de Sébastopol 98800", "nothing of a refused paste is kept")
        XCTAssertNotNil(address.refusal)
        XCTAssertTrue(address.refusal!.hasPrefix("Collage refusé : texte trop long"), address.refusal!)
    }

    func testALongValueScrollsToKeepTheCursorAndShowsItsStartWithAnEllipsisWithoutFocus() {
        let field = TextField(text: "WAMYTAN-KALOÏ Marie-Thérèse")
        let focused = drawn(field, width: 10)
        XCTAssertEqual(focused.text, " e-Thérèse  ")
        XCTAssertEqual(focused.cursor, CursorPosition(x: 10, y: 0), "the cursor sits after the text, on the field's last column")
        let unfocused = drawn(field, width: 10, focused: false)
        XCTAssertEqual(unfocused.text, " WAMYTAN-K… ")
    }
}
