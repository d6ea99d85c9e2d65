import XCTest
@testable import GuichetTUI

/// A test harness that drives the application on an in-memory terminal by keys, as the main loop
/// would, and reads the 80×24 screen.
protocol KeyDrivenHarness: AnyObject {
    var app: Application { get }
    var terminal: InMemoryTerminal { get }
}

extension KeyDrivenHarness {
    /// Sends events through the application, rendering after each; false once the app quits.
    @discardableResult
    func press(_ events: KeyEvent...) -> Bool {
        var running = true
        for event in events {
            running = app.process(event)
            app.renderFrame()
        }
        return running
    }

    /// Types text key by key.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The 80×24 screen as text, trailing spaces trimmed on each line.
    var screen: String { terminal.screenText }

    /// The two lines above the function-key bar, trimmed and joined by a space: where a message
    /// shows (a long one wraps onto the body's last line).
    var messageArea: String {
        terminal.screenLines[21].trimmingCharacters(in: .whitespaces) + " "
            + terminal.screenLines[22].trimmingCharacters(in: .whitespaces)
    }

    /// The screen's lines, padded: line `n` of the terminal.
    func line(_ n: Int) -> String { terminal.screenLines[n] }

    /// Where the last frame left the terminal's cursor (nil: hidden).
    var cursor: CursorPosition? { terminal.cursor }

    /// The text of the cursor's line from the cursor on, trailing spaces trimmed: what a screen
    /// reader or a braille display following the cursor reads first.
    var cursorText: String {
        guard let cursor, terminal.screenLines.indices.contains(cursor.y) else { return "" }
        let cells = terminal.screen.row(cursor.y).dropFirst(cursor.x)
        var text = cells.map(\.grapheme).joined()
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The rows whose text starts with the selection mark « ▸ », by number.
    var markedRows: [Int] {
        terminal.screenLines.indices.filter {
            terminal.screenLines[$0].drop { $0 == " " }.hasPrefix(ListCursor.mark)
        }
    }

    /// Asserts that the selection is said as a screen reader needs it: « ▸ » on row `row` and on no
    /// other, and the terminal's cursor on that row, reading `text` first.
    func assertSelection(row: Int, reads text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(markedRows, [row], "« ▸ » marks the selected row and no other:\n\(screen)", file: file, line: line)
        XCTAssertEqual(cursor?.y, row, "the cursor is on the selected row:\n\(screen)", file: file, line: line)
        XCTAssertTrue(cursorText.hasPrefix(text), "the cursor reads « \(cursorText) », not « \(text) »", file: file, line: line)
    }
}
