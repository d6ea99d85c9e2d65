/// SQL expressions over the stored days and instants (`2026-11-29`, `2026-11-29T07:12:33.123Z`),
/// in each engine's own functions: New Caledonian days (UTC+11 all year, no daylight saving) as
/// agents see them, whole days between two dates, French dates for a spreadsheet. Each engine's
/// session adopts it (`try db.capability(CalendarSQL.self)`).
///
/// ```swift
/// let calendar = try db.capability(CalendarSQL.self)
/// let sql = "SELECT \(calendar.frenchDate(ofInstant: "d.submitted_at")) FROM dossier d"   // 29/11/2026
/// ```
package protocol CalendarSQL {
    /// The New Caledonian day (`2026-11-29`) of an instant; NULL when it is NULL.
    func day(ofInstant expression: String) -> String

    /// The whole days from `start` to `end` (days or instants), rounded towards zero.
    func wholeDays(from start: String, to end: String) -> String

    /// A stored day as `jj/mm/aaaa`; NULL when it is NULL.
    func frenchDate(ofDay expression: String) -> String

    /// The New Caledonian day of an instant as `jj/mm/aaaa`; NULL when it is NULL.
    func frenchDate(ofInstant expression: String) -> String
}
