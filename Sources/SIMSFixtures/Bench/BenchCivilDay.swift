import SIMSModel
/// Day arithmetic without `Calendar`, fast enough for a million dates: New Caledonian days
/// (UTC+11, no daylight saving) numbered from 1970-01-01.
enum BenchCivilDay {
    static let ncOffset: Int64 = 11 * 3600

    static func ncDay(_ utcSeconds: Int64) -> Int64 {
        let local = utcSeconds + ncOffset
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }

    /// 0 Sunday … 6 Saturday (1970-01-01 was a Thursday).
    static func weekday(_ day: Int64) -> Int { Int(((day + 4) % 7 + 7) % 7) }
}
