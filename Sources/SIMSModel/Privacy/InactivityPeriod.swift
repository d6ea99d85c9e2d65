import Foundation

/// How many years without activity list a tier for a superviseur to anonymise or keep
/// (« fiches inactives »): `GUICHET_INACTIVITE_ANS` (in `/etc/guichet/guichet.conf` on a shared
/// host, else the environment), 5 by default, a whole number from 1 to 100.
///
/// ```swift
/// let period = try InactivityPeriod.configured()          // 5 years unless configured
/// period.cutoff(today: CalendarDate(iso: "2026-12-03")!)   // 03/12/2021, 00:00 in Nouméa
/// ```
public struct InactivityPeriod: Sendable, Equatable {
    public static let settingName = "GUICHET_INACTIVITE_ANS"
    public static let defaultYears = 5
    public static let allowedYears = 1...100

    public let years: Int

    /// Refuses a number of years outside 1...100, saying `origin` (the setting or the option).
    public init(years: Int, origin: String = InactivityPeriod.settingName) throws {
        guard Self.allowedYears.contains(years) else {
            throw ValidationError(field: nil, message: "\(origin) = \(years) : donnez un nombre d'années entre "
                + "\(Self.allowedYears.lowerBound) et \(Self.allowedYears.upperBound) (par défaut \(Self.defaultYears)).")
        }
        self.years = years
    }

    /// The period `GUICHET_INACTIVITE_ANS` sets, else the default; a value that is not a whole
    /// number of years from 1 to 100 is refused with what to write.
    public static func configured(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> InactivityPeriod {
        guard let text = environment[settingName]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return try InactivityPeriod(years: defaultYears)
        }
        guard let years = Int(text) else {
            throw ValidationError(field: nil, message: "\(settingName) = \(ShownText.quoted(text, limit: 20)) : donnez un "
                + "nombre entier d'années entre \(allowedYears.lowerBound) et \(allowedYears.upperBound), par exemple "
                + "\(settingName) = \(defaultYears).")
        }
        return try InactivityPeriod(years: years)
    }

    /// The first day that counts: a tier with no activity since the start of this day (in Nouméa)
    /// is inactive on `today`. The same day `years` earlier; 29/02 gives 28/02 of a common year.
    public func cutoffDay(today: CalendarDate) -> CalendarDate {
        let year = today.year - years
        let day = min(today.day, CalendarDate.daysInMonth(year: year, month: today.month))
        return CalendarDate(year: year, month: today.month, day: day)!
    }

    /// The first day a person kept on `day` may be listed again: the day after the same day
    /// `years` later (the inverse of ``cutoffDay(today:)``).
    public func returnDay(keptOn day: CalendarDate) -> CalendarDate {
        let year = day.year + years
        let same = CalendarDate(year: year, month: day.month, day: min(day.day, CalendarDate.daysInMonth(year: year, month: day.month)))!
        return same.adding(days: 1)
    }

    /// ``cutoffDay(today:)`` as a stored instant (its midnight in Nouméa), to compare with the
    /// instants of the register.
    public func cutoff(today: CalendarDate) -> String {
        let day = cutoffDay(today: today)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Pacific/Noumea")!
        let midnight = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        return Timestamp.string(from: midnight)
    }

    /// « 5 ans », « 1 an »
    public var french: String { "\(years) an\(years > 1 ? "s" : "")" }
}
