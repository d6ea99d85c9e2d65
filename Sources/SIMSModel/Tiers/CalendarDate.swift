import Foundation

/// A day of the Gregorian calendar, without time or time zone: a birth date, a document's issue date.
///
/// Only real days can be made: 31/02 or 29/02 of a non-leap year give `nil`. It is stored and
/// encoded as ISO 8601 text (`2001-03-12`), which sorts as text, and shown to agents as
/// `12/03/2001`.
///
/// ```swift
/// let birth = CalendarDate(year: 2001, month: 3, day: 12)!
/// birth.iso                                   // "2001-03-12"
/// birth.french                                // "12/03/2001"
/// birth.years(until: CalendarDate(iso: "2026-03-11")!)  // 24
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year, e.g. 2001.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    /// Makes the date, or `nil` when that day does not exist (month 13, 31 April, 29 February 2001).
    ///
    /// Years 1...9999 are accepted, so that every date has a four-digit ISO form.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO form `yyyy-MM-dd` (exactly four, two and two ASCII digits), or gives `nil`.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 form stored in the database: `2001-03-12`.
    public var iso: String {
        CalendarDate.pad(year, 4) + "-" + CalendarDate.pad(month, 2) + "-" + CalendarDate.pad(day, 2)
    }

    /// The French form shown to agents: `12/03/2001` (jj/mm/aaaa, zero padded).
    public var french: String {
        CalendarDate.pad(day, 2) + "/" + CalendarDate.pad(month, 2) + "/" + CalendarDate.pad(year, 4)
    }

    public var description: String { iso }

    /// Today's date at the given place (New Caledonia by default) at the given instant.
    ///
    /// ```swift
    /// CalendarDate.today()                          // the date in Nouméa now
    /// CalendarDate.today(now: clock.now())          // with an injected clock
    /// ```
    public static func today(
        timeZone: TimeZone = TimeZone(identifier: "Pacific/Noumea")!,
        now: Date = Date()
    ) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        // The Gregorian calendar always gives a real day for a real instant.
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The date `days` days later (earlier when negative).
    ///
    /// The result is not checked against the 1...9999 range of ``init(year:month:day:)``.
    ///
    /// ```swift
    /// CalendarDate(iso: "2024-02-28")!.adding(days: 1).iso   // "2024-02-29"
    /// ```
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// The number of days from this date to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The number of whole years from this date to `other`: the age on `other` of a person born
    /// on this date.
    ///
    /// A person born on 29 February has their birthday on 1 March in non-leap years.
    /// Negative when `other` is earlier.
    public func years(until other: CalendarDate) -> Int {
        if other < self { return -other.years(until: self) }
        var years = other.year - year
        if (other.month, other.day) < (month, day) { years -= 1 }
        return years
    }

    /// Whether the year has a 29 February (Gregorian rule).
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of a month, 28...31; 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Codable, as the ISO string

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Not a yyyy-MM-dd date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: Day numbers

    /// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's `days_from_civil`.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``dayNumber`` (H. Hinnant's `civil_from_days`).
    package init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.year = year
        self.month = month
        self.day = day
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
