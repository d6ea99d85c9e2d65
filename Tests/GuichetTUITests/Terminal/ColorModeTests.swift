import XCTest
@testable import GuichetTUI

final class ColorModeTests: XCTestCase {
    func testColorsWhenTheTerminalHasThemAndNoColorIsUnset() {
        XCTAssertEqual(ColorMode.decide(environment: ["TERM": "xterm-256color"], terminalHasColors: true), .color)
    }

    func testNoColorSetToAnyNonEmptyValueGivesMonochrome() {
        XCTAssertEqual(ColorMode.decide(environment: ["NO_COLOR": "1"], terminalHasColors: true), .monochrome)
        XCTAssertEqual(ColorMode.decide(environment: ["NO_COLOR": "non"], terminalHasColors: true), .monochrome)
    }

    func testEmptyNoColorIsIgnored() {
        XCTAssertEqual(ColorMode.decide(environment: ["NO_COLOR": ""], terminalHasColors: true), .color)
    }

    func testATerminalWithoutColorsIsMonochrome() {
        XCTAssertEqual(ColorMode.decide(environment: [:], terminalHasColors: false), .monochrome)
    }

    func testMonochromeKeepsAttributesAndTurnsColorsIntoBoldOrReverse() {
        let mode = ColorMode.monochrome
        XCTAssertEqual(mode.resolve(CellStyle(background: .blue)), CellStyle(reverse: true))
        XCTAssertEqual(mode.resolve(CellStyle(foreground: .red)), CellStyle(bold: true))
        XCTAssertEqual(mode.resolve(CellStyle(foreground: .white, background: .red, underline: true)),
                       CellStyle(reverse: true, underline: true))
        XCTAssertEqual(mode.resolve(CellStyle(bold: true, dim: true)), CellStyle(bold: true, dim: true))
    }

    func testColorModeLeavesStylesAlone() {
        let style = CellStyle(foreground: .yellow, background: .blue, bold: true)
        XCTAssertEqual(ColorMode.color.resolve(style), style)
    }
}
