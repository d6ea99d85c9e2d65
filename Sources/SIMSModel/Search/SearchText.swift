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
        if let ascii = foldASCII(text) { return ascii }
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &out)
        }
        return String(out)
    }

    /// The folded words of `text`, in order.
    public static func words(_ text: String) -> [String] {
        let folded = fold(text)
        if !folded.utf8.contains(0x20) { return folded.isEmpty ? [] : [folded] }
        return folded.split(separator: " ").map(String.init)
    }

    /// The digits of `text` alone.
    public static func digits(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }))
    }

    /// ``fold(_:)`` of an ASCII text, on its bytes; nil when the text is not ASCII.
    private static func foldASCII(_ text: String) -> String? {
        var text = text
        text.makeContiguousUTF8() // native strings already are
        return text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, byte) in bytes.enumerated() {
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: out[i] = byte
                    case 0x41...0x5A: out[i] = byte + 32
                    default: out[i] = 0x20
                    }
                }
                return bytes.count
            }
        } ?? nil
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
