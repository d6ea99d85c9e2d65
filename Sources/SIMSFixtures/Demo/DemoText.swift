import SIMSModel
/// Small, fast string builders for the canonical forms of the demo values.
///
/// ```swift
/// DemoText.digits(42, width: 7)              // "0000042"
/// DemoText.isoDate(year: 1984, dayOfYear: 60) // "1984-02-29"
/// DemoText.slug("Marie-Hélène Kasarhérou")   // "marie-helene-kasarherou"
/// ```
enum DemoText {
    /// `value` written in decimal on exactly `width` digits, left-padded with zeros.
    static func digits(_ value: Int, width: Int) -> String {
        precondition(value >= 0 && width > 0, "value must not be negative")
        return String(unsafeUninitializedCapacity: width) { buffer in
            var rest = value
            for position in stride(from: width - 1, through: 0, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            return width
        }
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days of `year`.
    static func daysIn(year: Int) -> Int {
        isLeap(year) ? 366 : 365
    }

    private static let monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// The ISO `yyyy-MM-dd` form of the `dayOfYear`-th day (1-based) of `year`.
    static func isoDate(year: Int, dayOfYear: Int) -> String {
        var day = dayOfYear
        var month = 0
        while true {
            let length = monthLengths[month] + (month == 1 && isLeap(year) ? 1 : 0)
            if day <= length || month == 11 { break }
            day -= length
            month += 1
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var rest = year
            for position in stride(from: 3, through: 0, by: -1) {
                buffer[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "0") + UInt8((month + 1) / 10)
            buffer[6] = UInt8(ascii: "0") + UInt8((month + 1) % 10)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = UInt8(ascii: "0") + UInt8(day / 10)
            buffer[9] = UInt8(ascii: "0") + UInt8(day % 10)
            return 10
        }
    }

    /// `text` folded to lowercase ASCII letters and digits, every other run of characters
    /// (spaces, apostrophes, hyphens) becoming one `-`, with no `-` at either end.
    static func slug(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = fold(scalar)
            if folded.isEmpty {
                pendingHyphen = !result.isEmpty
                continue
            }
            if pendingHyphen {
                result.append("-")
                pendingHyphen = false
            }
            result.append(folded)
        }
        return result
    }

    /// The lowercase ASCII letters standing for one scalar, or "" for a separator.
    private static func fold(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "a"..."z", "0"..."9":
            return String(scalar)
        case "A"..."Z":
            return String(Unicode.Scalar(scalar.value + 32)!)
        case "à", "á", "â", "ä", "ã", "å", "À", "Á", "Â", "Ä", "Ã", "Å", "ā":
            return "a"
        case "ç", "Ç":
            return "c"
        case "é", "è", "ê", "ë", "É", "È", "Ê", "Ë", "ē":
            return "e"
        case "í", "ì", "î", "ï", "Í", "Ì", "Î", "Ï", "ī":
            return "i"
        case "ñ", "Ñ":
            return "n"
        case "ó", "ò", "ô", "ö", "õ", "Ó", "Ò", "Ô", "Ö", "Õ", "ō":
            return "o"
        case "ú", "ù", "û", "ü", "Ú", "Ù", "Û", "Ü", "ū":
            return "u"
        case "ý", "ÿ", "Ý", "Ÿ":
            return "y"
        case "œ", "Œ":
            return "oe"
        case "æ", "Æ":
            return "ae"
        default:
            return ""
        }
    }
}
