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
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func append(_ value: Int, width: Int) {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var rest = value
            for index in stride(from: width - 1, through: 0, by: -1) {
                digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            out += digits
        }
        append(Int(parts.tm_year) + 1900, width: 4)
        out.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mon) + 1, width: 2)
        out.append(UInt8(ascii: "-"))
        append(Int(parts.tm_mday), width: 2)
        out.append(UInt8(ascii: "T"))
        append(Int(parts.tm_hour), width: 2)
        out.append(UInt8(ascii: ":"))
        append(Int(parts.tm_min), width: 2)
        out.append(UInt8(ascii: ":"))
        append(Int(parts.tm_sec), width: 2)
        out.append(UInt8(ascii: "."))
        append(millis, width: 3)
        out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)   // String(format:) costs more than the write it dates
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
