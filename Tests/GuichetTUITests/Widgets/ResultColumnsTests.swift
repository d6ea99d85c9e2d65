import XCTest
@testable import GuichetTUI

final class ResultColumnsTests: XCTestCase {
    private let row = ["WAMYTAN née IHAGE Anne-Marie Joséphine Hélène", "07/05/1979", "Mont-Dore", "24.06.29", "✔"]

    func testAtEightyColumnsTheNameTakesThirtyOneAndALongNameEndsWithAnEllipsis() {
        var buffer = CellBuffer(width: 80, height: 1)
        ResultColumns(x: 1).draw(into: &buffer, y: 0, values: row, style: .plain)
        let line = buffer.lines[0]
        XCTAssertEqual(ResultColumns(x: 1).widths, [31, 15, 13, 9, 8])
        XCTAssertTrue(line.hasPrefix(" WAMYTAN née IHAGE Anne-Marie…  "), line)
        XCTAssertEqual(Array(line)[32...41].map(String.init).joined(), "07/05/1979", "the birth date starts right after the name column")
        XCTAssertTrue(line.contains("Mont-Dore    24.06.29 ✔"), line)
    }

    func testAWiderTerminalGivesTheNameColumnTheRestAndTheNameFits() {
        var buffer = CellBuffer(width: 120, height: 1)
        let columns = ResultColumns(x: 1, width: 118)
        columns.draw(into: &buffer, y: 0, values: row, style: .plain)
        XCTAssertEqual(columns.widths.first, 71)
        XCTAssertTrue(buffer.lines[0].contains("Anne-Marie Joséphine Hélène "), buffer.lines[0])
        XCTAssertFalse(buffer.lines[0].contains("…"))
    }
}
