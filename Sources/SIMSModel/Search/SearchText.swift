/// Folds text for search: lower case, accents removed, ligatures opened, split into words.
///
/// ```swift
/// SearchText.words("Hélène-Marie N'Guyen")  // ["helene", "marie", "n", "guyen"]
/// SearchText.fold("Œuvre")                  // "oeuvre"
/// ```
public enum SearchText {
    /// The folded form of `text`: lower case, no diacritics; characters other than letters and
    /// digits become spaces.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &out)
        }
        return String(out)
    }

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map(String.init)
    }

    /// The digits of `text` alone.
    public static func digits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
    }

    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        switch v {
        case 0x30...0x39, 0x61...0x7A:
            out.append(scalar)
        case 0x41...0x5A:
            out.append(Unicode.Scalar(v + 32)!)
        case 0x300...0x36F:
            return // combining accents of decomposed text
        case 0xC0...0x17F:
            if let mapped = latin[v] { out.append(contentsOf: mapped.unicodeScalars) } else { out.append(" ") }
        default:
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil {
                if props.generalCategory == .nonspacingMark { return }
                out.append(contentsOf: props.lowercaseMapping.unicodeScalars)
            } else {
                out.append(" ")
            }
        }
    }

    private static let latin: [UInt32: String] = {
        let table: [(String, String)] = [
            ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("Ææ", "ae"), ("ÇçĆćĈĉĊċČč", "c"), ("ĎďĐđÐð", "d"),
            ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"),
            ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"), ("Ĳĳ", "ij"), ("Ĵĵ", "j"), ("Ķķĸ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
            ("ÑñŃńŅņŇňŉŊŋ", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("Œœ", "oe"), ("ŔŕŖŗŘř", "r"),
            ("ŚśŜŝŞşŠš", "s"), ("ß", "ss"), ("ŢţŤťŦŧ", "t"), ("Þþ", "th"),
            ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("Ŵŵ", "w"), ("ÝýÿŶŷŸ", "y"), ("ŹźŻżŽž", "z"),
        ]
        var map: [UInt32: String] = [:]
        for (letters, folded) in table {
            for s in letters.unicodeScalars { map[s.value] = folded }
        }
        return map
    }()
}
