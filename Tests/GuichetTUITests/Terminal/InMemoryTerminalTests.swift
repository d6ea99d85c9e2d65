import XCTest
@testable import GuichetTUI

final class InMemoryTerminalTests: XCTestCase {
    func testKeysComeOutInTheOrderTheyWereSent() {
        let terminal = InMemoryTerminal()
        terminal.send(.function(1), .ctrl("q"))
        terminal.type("Zoé\t\n")
        terminal.send(.paste("12 rue de Sébastopol"))
        var received: [KeyEvent] = []
        while let event = terminal.nextKey(timeoutMilliseconds: 0) { received.append(event) }
        XCTAssertEqual(received, [
            .function(1), .ctrl("q"),
            .character("Z"), .character("o"), .character("é"), .tab, .enter,
            .paste("12 rue de Sébastopol"),
        ])
        XCTAssertNil(terminal.nextKey(timeoutMilliseconds: 500), "an empty queue answers at once")
        XCTAssertEqual(terminal.requestedTimeouts.last, 500)
    }

    func testScreenKeepsTheLastPresentedFrame() {
        let terminal = InMemoryTerminal(columns: 20, rows: 3)
        var frame = CellBuffer(size: terminal.size)
        frame.put("Recherche", x: 0, y: 0, style: .emphasized)
        frame.put("Nom : Wamytan", x: 2, y: 1)
        terminal.present(frame, cursor: CursorPosition(x: 15, y: 1))
        XCTAssertEqual(terminal.screenText, """
            Recherche
              Nom : Wamytan

            """)
        XCTAssertEqual(terminal.cursor, CursorPosition(x: 15, y: 1))
        XCTAssertEqual(terminal.presentCount, 1)
    }

    func testChangedCellsAreCountedPerPresent() {
        let terminal = InMemoryTerminal(columns: 10, rows: 2)
        var frame = CellBuffer(size: terminal.size)
        frame.put("Koné", x: 0, y: 0)
        terminal.present(frame, cursor: nil)
        terminal.present(frame, cursor: nil)
        frame.put("Kona", x: 0, y: 0)
        terminal.present(frame, cursor: nil)
        terminal.invalidate()
        terminal.present(frame, cursor: nil)
        XCTAssertEqual(terminal.changedCellCounts, [4, 0, 1, 20])
        XCTAssertNil(terminal.cursor)
    }

    func testResizeQueuesAResizeEventAndResizesTheScreen() {
        let terminal = InMemoryTerminal(columns: 10, rows: 2)
        var frame = CellBuffer(size: terminal.size)
        frame.put("0123456789", x: 0, y: 0)
        terminal.present(frame, cursor: nil)
        terminal.send(.character("a"))
        terminal.size = TerminalSize(columns: 4, rows: 3)
        terminal.size = TerminalSize(columns: 4, rows: 3)   // same size: no second event
        XCTAssertEqual(terminal.nextKey(timeoutMilliseconds: 0), .character("a"))
        XCTAssertEqual(terminal.nextKey(timeoutMilliseconds: 0), .resize)
        XCTAssertNil(terminal.nextKey(timeoutMilliseconds: 0))
        XCTAssertEqual(terminal.screenLines, ["0123", "    ", "    "])
    }

    func testAFrameOfAnotherSizeIsClippedToTheScreen() {
        let terminal = InMemoryTerminal(columns: 5, rows: 1)
        var frame = CellBuffer(width: 8, height: 2)
        frame.put("Province", x: 0, y: 0)
        frame.put("Sud", x: 0, y: 1)
        terminal.present(frame, cursor: nil)
        XCTAssertEqual(terminal.screenText, "Provi")
    }

    func testShutdownIsRecorded() {
        let terminal = InMemoryTerminal()
        XCTAssertFalse(terminal.isShutDown)
        terminal.shutdown()
        XCTAssertTrue(terminal.isShutDown)
    }
}
