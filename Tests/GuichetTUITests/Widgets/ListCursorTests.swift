import XCTest
@testable import GuichetTUI

final class ListCursorTests: XCTestCase {
    func testLineAndPageMovesStayWithinTheList() {
        XCTAssertEqual(ListCursor.moved(0, by: .ligneSuivante, count: 3), 1)
        XCTAssertEqual(ListCursor.moved(2, by: .ligneSuivante, count: 3), 2)
        XCTAssertEqual(ListCursor.moved(0, by: .lignePrecedente, count: 3), 0)
        XCTAssertEqual(ListCursor.moved(3, by: .pageSuivante, count: 40), 3 + ListCursor.page)
        XCTAssertEqual(ListCursor.moved(35, by: .pageSuivante, count: 40), 39)
        XCTAssertEqual(ListCursor.moved(5, by: .pagePrecedente, count: 40), 0)
        XCTAssertEqual(ListCursor.moved(0, by: .ligneSuivante, count: 0), 0, "an empty list keeps its cursor on the first row")
        XCTAssertNil(ListCursor.moved(4, by: .ouvrir, count: 40), "not a move: the screen handles it")
    }

    func testTheRowsInViewFollowTheSelectionMovingAsLittleAsPossible() {
        XCTAssertEqual(ListCursor.firstRow(0, keeping: 3, visible: 5), 0, "in view: nothing moves")
        XCTAssertEqual(ListCursor.firstRow(0, keeping: 7, visible: 5), 3, "below: the selection becomes the last row shown")
        XCTAssertEqual(ListCursor.firstRow(6, keeping: 2, visible: 5), 2, "above: it becomes the first")
    }

    func testTheSelectedRowIsMarkedInTextReversedAndHoldsTheCursor() {
        var buffer = CellBuffer(width: 20, height: 3)
        let cursor = ListCursor.drawSelection(into: &buffer, x: 1, y: 1, width: 18, style: Theme.standard.selected)
        buffer.put("WAMYTAN Léa", x: 1, y: 1, style: Theme.standard.selected)
        XCTAssertEqual(buffer.lines[1], "▸WAMYTAN Léa        ")
        XCTAssertEqual(cursor, CursorPosition(x: 1, y: 1), "the cursor at the row's start, where a braille display reads it")
        XCTAssertTrue(buffer[18, 1].style.reverse, "the whole row is reversed")
        XCTAssertFalse(buffer[0, 1].style.reverse, "the mark is plain text")
    }
}
