import XCTest
@testable import GuichetTUI

final class KeyStrokeTests: XCTestCase {
    func testEveryDocumentedNameParsesAndPrintsBack() {
        let names = ["F1", "F12", "Enter", "Esc", "Tab", "S-Tab", "Up", "Down", "Left", "Right", "PgUp", "PgDn",
                     "Home", "End", "Insert", "Delete", "Backspace", "Space", "C-a", "C-z", "M-a", "M-z", "q", "é", "?"]
        for name in names {
            XCTAssertEqual(KeyStroke(name: name)?.name, name, name)
        }
    }

    func testNamesMatchTheEventsTheDecoderProduces() {
        XCTAssertEqual(KeyStroke(name: "C-q"), KeyStroke(event: .ctrl("q")))
        XCTAssertEqual(KeyStroke(name: "C-Q"), KeyStroke(event: .ctrl("q")))
        XCTAssertEqual(KeyStroke(name: "M-x"), KeyStroke(event: .alt("x")))
        XCTAssertEqual(KeyStroke(name: "S-Tab"), KeyStroke(event: .backTab))
        XCTAssertEqual(KeyStroke(name: "S-F1"), KeyStroke(event: .key(.function(1), modifiers: .shift)))
        XCTAssertEqual(KeyStroke(name: "Space"), KeyStroke(event: .character(" ")))
        XCTAssertNil(KeyStroke(event: .resize))
        XCTAssertNil(KeyStroke(event: .paste("x")))
    }

    func testNamedKeysAreCaseInsensitiveAndAliasesWork() {
        XCTAssertEqual(KeyStroke(name: "enter"), KeyStroke(.enter))
        XCTAssertEqual(KeyStroke(name: "ESCAPE"), KeyStroke(.escape))
        XCTAssertEqual(KeyStroke(name: "pagedown"), KeyStroke(.pageDown))
        XCTAssertEqual(KeyStroke(name: "f5"), KeyStroke(.function(5)))
    }

    func testControlKeysTerminalsCannotTellApart() {
        XCTAssertEqual(KeyStroke(name: "C-i"), KeyStroke(.tab))
        XCTAssertEqual(KeyStroke(name: "C-m"), KeyStroke(.enter))
        XCTAssertEqual(KeyStroke(name: "C-h"), KeyStroke(.backspace))
    }

    func testFrenchDisplayNames() {
        let names = ["F1", "C-q", "M-a", "S-Tab", "Esc", "Enter", "PgUp", "Up", "Space", "q"]
        XCTAssertEqual(names.compactMap { KeyStroke(name: $0)?.displayName },
                       ["F1", "Ctrl+Q", "Alt+A", "Maj+Tab", "Échap", "Entrée", "Pg préc", "↑", "Espace", "q"])
    }

    func testOrderPutsFunctionKeysFirst() {
        let names = ["q", "C-q", "Enter", "F10", "M-a", "F2", "Esc"]
        let sorted = names.compactMap { KeyStroke(name: $0) }.sorted().map(\.name)
        XCTAssertEqual(sorted, ["F2", "F10", "Enter", "Esc", "C-q", "M-a", "q"])
    }
}
