import Foundation
import XCTest
@testable import SIMSModel

final class CalendarDateTests: XCTestCase {
    func testRefusesDaysThatDoNotExist() {
        XCTAssertNil(CalendarDate(year: 2001, month: 2, day: 29))
        XCTAssertNil(CalendarDate(year: 2001, month: 2, day: 31))
        XCTAssertNil(CalendarDate(year: 2001, month: 4, day: 31))
        XCTAssertNil(CalendarDate(year: 2001, month: 13, day: 1))
        XCTAssertNil(CalendarDate(year: 2001, month: 0, day: 1))
        XCTAssertNil(CalendarDate(year: 2001, month: 1, day: 0))
        XCTAssertNil(CalendarDate(year: 0, month: 1, day: 1))
        XCTAssertNotNil(CalendarDate(year: 2001, month: 12, day: 31))
    }

    func testLeapYears() {
        XCTAssertNotNil(CalendarDate(year: 2024, month: 2, day: 29))
        XCTAssertNotNil(CalendarDate(year: 2000, month: 2, day: 29), "divisible by 400")
        XCTAssertNil(CalendarDate(year: 1900, month: 2, day: 29), "divisible by 100, not 400")
        XCTAssertNil(CalendarDate(year: 2100, month: 2, day: 29))
        XCTAssertTrue(CalendarDate.isLeapYear(2024))
        XCTAssertFalse(CalendarDate.isLeapYear(2023))
        XCTAssertEqual(CalendarDate.daysInMonth(year: 2024, month: 2), 29)
        XCTAssertEqual(CalendarDate.daysInMonth(year: 2023, month: 2), 28)
    }

    func testISOAndFrenchForms() {
        let date = CalendarDate(year: 2001, month: 3, day: 2)!
        XCTAssertEqual(date.iso, "2001-03-02")
        XCTAssertEqual(date.french, "02/03/2001")
        XCTAssertEqual(CalendarDate(iso: "2001-03-02"), date)
        XCTAssertEqual(CalendarDate(year: 987, month: 1, day: 5)!.iso, "0987-01-05")
    }

    func testISOParsingIsStrict() {
        XCTAssertNil(CalendarDate(iso: "2001-02-29"))
        XCTAssertNil(CalendarDate(iso: "2001-3-02"))
        XCTAssertNil(CalendarDate(iso: "02/03/2001"))
        XCTAssertNil(CalendarDate(iso: "2001-03-02 "))
        XCTAssertNil(CalendarDate(iso: "2001-0a-02"))
        XCTAssertNil(CalendarDate(iso: ""))
        XCTAssertEqual(CalendarDate(iso: "2024-02-29")?.day, 29)
    }

    func testOrdering() {
        let dates = ["2001-03-02", "1999-12-31", "2001-02-28", "2001-03-01"].map { CalendarDate(iso: $0)! }
        XCTAssertEqual(dates.sorted().map(\.iso), ["1999-12-31", "2001-02-28", "2001-03-01", "2001-03-02"])
    }

    func testAddingDaysAcrossMonthsYearsAndLeapDays() {
        let date = CalendarDate(iso: "2024-02-28")!
        XCTAssertEqual(date.adding(days: 1).iso, "2024-02-29")
        XCTAssertEqual(date.adding(days: 2).iso, "2024-03-01")
        XCTAssertEqual(CalendarDate(iso: "2023-02-28")!.adding(days: 1).iso, "2023-03-01")
        XCTAssertEqual(CalendarDate(iso: "2026-12-31")!.adding(days: 1).iso, "2027-01-01")
        XCTAssertEqual(CalendarDate(iso: "2027-01-01")!.adding(days: -1).iso, "2026-12-31")
        XCTAssertEqual(CalendarDate(iso: "1970-01-01")!.adding(days: 366).iso, "1971-01-02")
        XCTAssertEqual(CalendarDate(iso: "2000-01-01")!.adding(days: 366).iso, "2001-01-01")
        XCTAssertEqual(CalendarDate(iso: "2000-01-01")!.days(until: CalendarDate(iso: "2001-01-01")!), 366)
        XCTAssertEqual(CalendarDate(iso: "1900-03-01")!.adding(days: -1).iso, "1900-02-28")
    }

    func testAgeInWholeYears() {
        let birth = CalendarDate(iso: "2008-06-15")!
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2026-06-14")!), 17)
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2026-06-15")!), 18)
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2026-12-31")!), 18)
        XCTAssertEqual(birth.years(until: birth), 0)
        XCTAssertEqual(CalendarDate(iso: "2026-06-15")!.years(until: birth), -18)
    }

    func testAgeOfSomeoneBornOnTheTwentyNinthOfFebruary() {
        let birth = CalendarDate(iso: "2008-02-29")!
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2026-02-28")!), 17)
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2026-03-01")!), 18)
        XCTAssertEqual(birth.years(until: CalendarDate(iso: "2028-02-29")!), 20)
    }

    func testTodayIsTheDateInNoumea() {
        // 2026-11-29T14:00:00Z is 2026-11-30 01:00 in Nouméa (UTC+11).
        let instant = Date(timeIntervalSince1970: 1_795_960_800)
        XCTAssertEqual(CalendarDate.today(now: instant).iso, "2026-11-30")
        XCTAssertEqual(CalendarDate.today(timeZone: TimeZone(identifier: "UTC")!, now: instant).iso,
                       "2026-11-29")
    }

    func testCodableAsISOString() throws {
        let date = CalendarDate(iso: "2001-03-02")!
        let data = try JSONEncoder().encode([date])
        XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2001-03-02"]"#)
        XCTAssertEqual(try JSONDecoder().decode([CalendarDate].self, from: data), [date])
        XCTAssertThrowsError(try JSONDecoder().decode([CalendarDate].self,
                                                      from: Data(#"["2001-02-30"]"#.utf8)))
    }
}
