import XCTest
@testable import GuichetTUI

final class CellBufferTests: XCTestCase {
    func testPutWritesTextAndReturnsNextColumn() {
        var buffer = CellBuffer(width: 10, height: 2)
        let next = buffer.put("Dupont", x: 2, y: 1, style: .emphasized)
        XCTAssertEqual(next, 8)
        XCTAssertEqual(buffer.lines, ["          ", "  Dupont  "])
        XCTAssertEqual(buffer.text, "\n  Dupont")
        XCTAssertEqual(buffer[2, 1], Cell("D", style: .emphasized))
        XCTAssertEqual(buffer[8, 1], .blank)
    }

    func testTextCutAtTheRightEdgeOrAtMaxWidthEndsWithAnEllipsis() {
        var buffer = CellBuffer(width: 8, height: 3)
        buffer.put("Nouméa Province Sud", x: 3, y: 0)
        buffer.put("Bourail", x: 0, y: 1, maxWidth: 4)
        buffer.put("Bourail", x: 0, y: 2, maxWidth: 7)
        XCTAssertEqual(buffer.text, "   Noum…\nBou…\nBourail", "a text that fits is never marked")
    }

    func testTextCutBeforeASpaceDoesNotLeaveTheSpaceBeforeTheEllipsis() {
        var buffer = CellBuffer(width: 10, height: 1)
        let next = buffer.put("Jean Wayenece", x: 0, y: 0, maxWidth: 6)
        XCTAssertEqual(buffer.text, "Jean…")
        XCTAssertEqual(next, 5)
    }

    func testAScrollingFieldClipsWithoutEllipsis() {
        var buffer = CellBuffer(width: 8, height: 1)
        buffer.put("Bourail", x: 0, y: 0, maxWidth: 4, overflow: .clip)
        XCTAssertEqual(buffer.text, "Bour")
    }

    func testPutClipsOnTheLeftAndOutsideRows() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("abcdef", x: -3, y: 0)
        buffer.put("zzz", x: 0, y: 1)
        buffer.put("zzz", x: 0, y: -1)
        XCTAssertEqual(buffer.lines, ["def   "])
    }

    func testPrecomposedAndDecomposedAccentsTakeOneCellEach() {
        var buffer = CellBuffer(width: 10, height: 2)
        let decomposed = "E\u{301}le\u{301}onore"   // E and e + COMBINING ACUTE ACCENT
        let next = buffer.put(decomposed, x: 0, y: 0)
        buffer.put("Éléonore", x: 0, y: 1)
        XCTAssertEqual(next, 8)
        XCTAssertEqual(buffer[2, 0].grapheme.unicodeScalars.count, 2, "the accent stays with its e")
        XCTAssertEqual(buffer[2, 0].grapheme, "é")
        XCTAssertEqual(buffer[3, 0].grapheme, "o")
        XCTAssertEqual(buffer.lines[0], buffer.lines[1], "canonically equivalent rows")
        XCTAssertEqual(buffer.lines.map { DisplayWidth.of($0) }, [10, 10])
    }

    func testWideCharactersTakeTwoCellsWithAContinuation() {
        var buffer = CellBuffer(width: 6, height: 1)
        let next = buffer.put("a中b", x: 0, y: 0)
        XCTAssertEqual(next, 4)
        XCTAssertEqual(buffer[1, 0].grapheme, "中")
        XCTAssertTrue(buffer[2, 0].isContinuation)
        XCTAssertEqual(buffer[3, 0].grapheme, "b")
        XCTAssertEqual(buffer.lines, ["a中b  "], "the row is 6 columns wide on screen")
    }

    func testWideCharacterThatDoesNotFitLeavesASpace() {
        var buffer = CellBuffer(width: 4, height: 1, fill: Cell("."))
        buffer.put("ab中", x: 1, y: 0, overflow: .clip)
        XCTAssertEqual(buffer.lines, [".ab "])
        buffer.put("ab中", x: 1, y: 0)
        XCTAssertEqual(buffer.lines, [".ab…"], "cut, it says so")
        XCTAssertFalse(buffer[3, 0].isContinuation)
    }

    func testOverwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("中文", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)         // right half of 中
        XCTAssertEqual(buffer.lines, [" x文  "])
        buffer.put("y", x: 2, y: 0)         // left half of 文
        XCTAssertEqual(buffer.lines, [" xy   "])
        XCTAssertFalse(buffer.row(0).contains { $0.isContinuation })
    }

    func testControlCharactersAreReplaced() {
        var buffer = CellBuffer(width: 6, height: 1)
        buffer.put("a\tb\u{7}c", x: 0, y: 0)
        XCTAssertEqual(buffer.text, "a b?c")
    }

    func testFillRectangleAndLine() {
        var buffer = CellBuffer(width: 5, height: 3)
        buffer.fill(CellRect(x: 3, y: 1, width: 10, height: 10), with: "#", style: .reversed)
        buffer.fill(line: 0, style: .reversed)
        XCTAssertEqual(buffer.text, "\n   ##\n   ##")
        XCTAssertEqual(buffer[0, 0].style, .reversed)
        XCTAssertEqual(buffer[4, 2], Cell("#", style: .reversed))
        XCTAssertEqual(buffer[2, 2], .blank)
    }

    func testTextTrimsTrailingSpacesButKeepsEveryRow() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.put("ab", x: 0, y: 1)
        XCTAssertEqual(buffer.text, "\nab\n")
        XCTAssertEqual(buffer.lines, ["    ", "ab  ", "    "])
    }

    func testChangesOfIdenticalBuffersAreEmpty() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("Guichet", x: 1, y: 1)
        XCTAssertEqual(buffer.changes(since: buffer), [])
    }

    func testChangesGiveOneRunPerChangedStretch() {
        var old = CellBuffer(width: 10, height: 3)
        old.put("Dupont", x: 0, y: 0)
        old.put("Nouméa", x: 0, y: 2)
        var new = old
        new.put("Dupond", x: 0, y: 0)              // one cell: t -> d
        new.put("Koné", x: 0, y: 2)                 // "Noum" -> "Koné": cells 0 and 3
        new.put("X", x: 9, y: 2, style: .reversed)  // a new cell at the end
        let runs = new.changes(since: old)
        XCTAssertEqual(runs.map { [$0.x, $0.y, $0.width] }, [[5, 0, 1], [0, 2, 1], [2, 2, 2], [9, 2, 1]])
        XCTAssertEqual(runs.map(\.text), ["d", "K", "né", "X"])
        XCTAssertEqual(runs[3].cells.first?.style, .reversed)
    }

    func testStyleChangeAloneIsAChange() {
        var old = CellBuffer(width: 4, height: 1)
        old.put("ab", x: 0, y: 0)
        var new = CellBuffer(width: 4, height: 1)
        new.put("ab", x: 0, y: 0, style: .reversed)
        XCTAssertEqual(new.changes(since: old).map(\.text), ["ab"])
    }

    func testChangesIncludeBothHalvesOfAWideCharacter() {
        var old = CellBuffer(width: 6, height: 1)
        old.put("中文", x: 0, y: 0)
        var new = CellBuffer(width: 6, height: 1)
        new.put("中字", x: 0, y: 0)
        let runs = new.changes(since: old)
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].x, 2)
        XCTAssertEqual(runs[0].width, 2)
        XCTAssertEqual(runs[0].text, "字")

        // A continuation cell that changed alone pulls in its left half.
        var restyled = old
        restyled[1, 0] = .continuation(style: .reversed)
        let pulled = restyled.changes(since: old)
        XCTAssertEqual(pulled.map { [$0.x, $0.width] }, [[0, 2]])
        XCTAssertEqual(pulled[0].text, "中")
    }

    func testChangesAfterResizeRedrawEveryRow() {
        var old = CellBuffer(width: 4, height: 2)
        old.put("ab", x: 0, y: 0)
        let new = old.resized(to: TerminalSize(columns: 5, rows: 3))
        let runs = new.changes(since: old)
        XCTAssertEqual(runs.map { [$0.x, $0.y, $0.width] }, [[0, 0, 5], [0, 1, 5], [0, 2, 5]])
        XCTAssertEqual(new.text, "ab\n\n")
    }

    func testResizedClipsAWideCharacterCutByTheNewEdge() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("ab中", x: 0, y: 0)
        let smaller = buffer.resized(to: TerminalSize(columns: 3, rows: 1))
        XCTAssertEqual(smaller.lines, ["ab "])
        XCTAssertFalse(smaller.row(0).contains { $0.isContinuation })
    }

    func testDisplayWidth() {
        XCTAssertEqual(DisplayWidth.of("a"), 1)
        XCTAssertEqual(DisplayWidth.of("é"), 1)
        XCTAssertEqual(DisplayWidth.of(Character("e\u{301}")), 1)
        XCTAssertEqual(DisplayWidth.of("中"), 2)
        XCTAssertEqual(DisplayWidth.of("한"), 2)
        XCTAssertEqual(DisplayWidth.of("Ａ"), 2, "fullwidth A")
        XCTAssertEqual(DisplayWidth.of("😀"), 2)
        XCTAssertEqual(DisplayWidth.of("\u{200B}"), 0, "zero width space")
        XCTAssertEqual(DisplayWidth.of("Éléonore Dupré"), 14)
        XCTAssertEqual(DisplayWidth.of("« ligne 12 »"), 12)
    }
}
