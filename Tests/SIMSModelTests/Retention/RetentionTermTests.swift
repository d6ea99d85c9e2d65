import XCTest
@testable import SIMSModel

/// Retention counted from the decision date, in the New Caledonian calendar, leap years included.
final class RetentionTermTests: XCTestCase {
    func testTheLastDayKeptIsTheSameDayYearsLater() {
        let term = RetentionTerm(decidedOn: CalendarDate(year: 2026, month: 9, day: 15)!, years: 10)
        XCTAssertEqual(term.until.french, "15/09/2036")
        XCTAssertEqual(term.french, "conservation 10 ans, jusqu'au 15/09/2036")
        XCTAssertFalse(term.hasExpired(on: CalendarDate(year: 2036, month: 9, day: 15)!), "the last day is still kept")
        XCTAssertTrue(term.hasExpired(on: CalendarDate(year: 2036, month: 9, day: 16)!))
    }

    func testADecisionOnTheTwentyNinthOfFebruary() {
        let leap = CalendarDate(year: 2024, month: 2, day: 29)!
        XCTAssertEqual(RetentionTerm(decidedOn: leap, years: 1).until.french, "28/02/2025")
        XCTAssertEqual(RetentionTerm(decidedOn: leap, years: 4).until.french, "29/02/2028")
        XCTAssertEqual(RetentionTerm(decidedOn: leap, years: 1).french, "conservation 1 an, jusqu'au 28/02/2025")
    }

    func testTheDecisionDayIsNoumeasNotUTCs() throws {
        // 14/03/2026 20:00 UTC is already 15/03/2026 in Nouméa (UTC+11).
        let term = try XCTUnwrap(RetentionTerm(decidedAt: "2026-03-14T20:00:00.000Z", years: 2))
        XCTAssertEqual(term.decidedOn.french, "15/03/2026")
        XCTAssertEqual(term.until.french, "15/03/2028")
    }
}
