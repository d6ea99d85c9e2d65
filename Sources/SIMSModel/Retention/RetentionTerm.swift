import Foundation

/// How long a closed dossier is kept: counted in years from its decision date (New Caledonian
/// calendar), the last day included. A decision taken on 29/02 is kept until 28/02 of a year that
/// is not a leap year.
///
/// ```swift
/// RetentionTerm(decidedOn: CalendarDate(year: 2026, month: 9, day: 15)!, years: 10).until   // 15/09/2036
/// ```
public struct RetentionTerm: Equatable, Sendable {
    public let decidedOn: CalendarDate
    public let years: Int

    public init(decidedOn: CalendarDate, years: Int) {
        self.decidedOn = decidedOn
        self.years = years
    }

    /// The term of a decision stored as an instant (`decided_at`).
    public init?(decidedAt: String, years: Int) {
        guard let instant = Timestamp.date(from: decidedAt) else { return nil }
        self.init(decidedOn: CalendarDate.today(now: instant), years: years)
    }

    /// The last day the dossier is kept.
    public var until: CalendarDate {
        let year = decidedOn.year + years
        let day = min(decidedOn.day, CalendarDate.daysInMonth(year: year, month: decidedOn.month))
        return CalendarDate(year: year, month: decidedOn.month, day: day)!
    }

    /// Whether the dossier may be erased on `today` (the day after `until`).
    public func hasExpired(on today: CalendarDate) -> Bool { today > until }

    /// « conservation 10 ans, jusqu'au 15/09/2036 »
    public var french: String { "conservation \(years) an\(years > 1 ? "s" : ""), jusqu'au \(until.french)" }
}
