import Foundation

/// Instants as stored in the database: ISO 8601 in UTC with milliseconds, which sort as text.
public enum Timestamp {
    /// `2026-11-29T07:12:33.123Z`
    public static func string(from date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = ms / 1000
        let millis = Int(ms % 1000)
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), millis)
    }

    /// Parses what ``string(from:)`` wrote.
    public static func date(from string: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.date(from: string)
    }

    /// The French display of a stored instant in New Caledonian time: `29/11/2026 18:12`.
    public static func french(_ string: String) -> String {
        guard let date = date(from: string) else { return string }
        let f = DateFormatter()
        f.locale = Locale(identifier: "fr_FR")
        f.timeZone = TimeZone(identifier: "Pacific/Noumea")
        f.dateFormat = "dd/MM/yyyy HH:mm"
        return f.string(from: date)
    }
}
