@testable import GuichetCommandLine
@testable import GuichetTUI
import XCTest

/// The progress line of long commands fits an 80-column terminal, so that it is redrawn in place
/// instead of leaving a trail of wrapped lines, and still says done/total, rate and time left.
final class ProgressLineTests: XCTestCase {
    func testAShortLineKeepsEveryWord() {
        let text = ProgressLine.text(label: "Sauvegarde", phase: "base", done: 512, total: 2048, unit: "pages", elapsed: 2)
        XCTAssertEqual(text.trimmingCharacters(in: .whitespaces), "Sauvegarde (base) : 512/2048 pages, 25 %, 256 pages/s, reste 6 s")
    }

    func testTheDuplicateAnalysisOfAMillionTiersFitsEightyColumns() {
        let text = ProgressLine.text(label: "Doublons", phase: "comparaison", done: 6_500_000, total: 7_000_000, unit: "clés",
                                     elapsed: 50)
        XCTAssertLessThanOrEqual(text.count, 79, text)
        XCTAssertEqual(text.trimmingCharacters(in: .whitespaces),
                       "Doublons (comparaison) : 6500000/7000000 clés, 92 %, 130000 clés/s, reste 4 s")
    }

    func testALongLabelGivesWayBeforeTheFigures() {
        let text = ProgressLine.text(label: "Doublons des tiers importés", phase: "comparaison", done: 6_500_000,
                                     total: 7_000_000, unit: "clés", elapsed: 50)
        XCTAssertLessThanOrEqual(text.count, 79, text)
        XCTAssertTrue(text.contains("6500000/7000000"), text)
        XCTAssertTrue(text.contains("130000/s, reste 4 s"), text)
    }
}
