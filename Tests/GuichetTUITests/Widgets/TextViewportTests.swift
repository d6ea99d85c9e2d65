import XCTest
@testable import GuichetTUI

final class TextViewportTests: XCTestCase {
    private func viewport(lines count: Int, rows: Int) -> TextViewport {
        var viewport = TextViewport()
        viewport.wrap(width: 40) { _ in (1...count).map { "ligne \($0)" } }
        viewport.visibleRows = rows
        return viewport
    }

    func testAPageMoveKeepsOneLineOfThePreviousPageAndStopsAtTheEnd() {
        var text = viewport(lines: 30, rows: 10)
        XCTAssertEqual(text.position, "lignes 1 à 10 sur 30")
        XCTAssertTrue(text.scroll(.pageSuivante))
        XCTAssertEqual(text.visibleLines.first?.line, "ligne 10")
        XCTAssertTrue(text.scroll(.pageSuivante))
        XCTAssertTrue(text.scroll(.pageSuivante))
        XCTAssertEqual(text.position, "lignes 21 à 30 sur 30")
        XCTAssertEqual(text.visibleLines.last?.line, "ligne 30")
        XCTAssertTrue(text.scroll(.ligneSuivante))
        XCTAssertEqual(text.offset, 20, "the end of the text stays on the last row")
        XCTAssertTrue(text.scroll(.pagePrecedente))
        XCTAssertTrue(text.scroll(.pagePrecedente))
        XCTAssertEqual(text.offset, 2, "nine lines back each time")
        XCTAssertTrue(text.scroll(.pagePrecedente))
        XCTAssertTrue(text.scroll(.lignePrecedente))
        XCTAssertEqual(text.offset, 0)
        XCTAssertFalse(text.scroll(.imprimer), "not a move: the screen handles it")
    }

    func testAShortTextSaysItsLengthAndDoesNotMove() {
        var text = viewport(lines: 5, rows: 10)
        XCTAssertFalse(text.scrolls)
        XCTAssertEqual(text.position, "5 lignes")
        XCTAssertTrue(text.scroll(.pageSuivante))
        XCTAssertEqual(text.offset, 0)
        XCTAssertEqual(text.visibleLines.map(\.index), [0, 1, 2, 3, 4])
    }

    func testATallerWindowPullsTheEndBackUpAndAWidthChangeWrapsAgain() {
        var text = viewport(lines: 30, rows: 10)
        for _ in 0..<5 { _ = text.scroll(.pageSuivante) }
        XCTAssertEqual(text.offset, 20)
        text.visibleRows = 25
        XCTAssertEqual(text.offset, 5)
        var wraps = 0
        text.wrap(width: 40) { _ in wraps += 1; return [] }
        XCTAssertEqual(wraps, 0, "same width: not wrapped again")
        text.wrap(width: 60) { _ in wraps += 1; return ["une seule ligne"] }
        XCTAssertEqual(wraps, 1)
        XCTAssertEqual(text.offset, 0)
        XCTAssertEqual(text.position, "1 ligne")
    }
}
