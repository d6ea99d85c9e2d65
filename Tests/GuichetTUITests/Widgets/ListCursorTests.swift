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
}
