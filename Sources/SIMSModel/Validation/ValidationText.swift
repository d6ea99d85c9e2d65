import Foundation

/// Text helpers shared by the field rules: the first cleaning of what was typed, folding for
/// matching, quoting in messages.
///
/// ```swift
/// try ValidationText.clean("  Nouméa\u{00A0} ", field: .commune)  // "Nouméa"
/// ValidationText.fold("Île-des-Pins")                            // "ile des pins"
/// ```
enum ValidationText {
    /// Refuses control, invisible and private-use characters, composes accents (NFC), turns every
    /// kind of space into a plain space and trims; gives `nil` when nothing is left.
    ///
    /// Every rule receives its value through this function, so no rule ever sees a newline, a tab,
    /// a NUL, U+0085, a zero-width space or a decomposed accent.
    static func clean(_ raw: String, field: TierField) throws(ValidationError) -> String? {
        var plain = true // printable ASCII and precomposed Latin letters need no normalisation
        for scalar in raw.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value < 0x7F { continue }
            if scalar.value >= 0xC0 && scalar.value < 0x180 { continue }
            plain = false
            if let problem = forbiddenDescription(scalar) {
                throw ValidationError.invalid(field, problem)
            }
        }
        if plain {
            let trimmed = raw.trimmingSpaces()
            return trimmed.isEmpty ? nil : trimmed
        }
        var spaced = String.UnicodeScalarView()
        for scalar in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            spaced.append(scalar.properties.generalCategory == .spaceSeparator ? " " : scalar)
        }
        let trimmed = String(spaced).trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The French explanation for a character that no field accepts, or `nil` when it is allowed.
    static func forbiddenDescription(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator:
            let what: String
            switch scalar.value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: what = "un retour à la ligne"
            case 0x09, 0x0B: what = "une tabulation"
            default: what = "un caractère de contrôle (\(codePoint(scalar)))"
            }
            return "la saisie contient \(what). Saisissez la valeur sur une seule ligne, "
                + "sans tabulation ni caractère spécial."
        case .format:
            return "la saisie contient un caractère invisible (\(codePoint(scalar))), souvent "
                + "apporté par un copier-coller. Retapez la valeur au clavier."
        case .privateUse:
            return "la saisie contient un caractère non reconnu (\(codePoint(scalar))). "
                + "Retapez la valeur au clavier."
        default:
            return nil
        }
    }

    /// `U+0085`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Replaces each run of spaces by one space.
    static func collapseSpaces(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The form used to compare names loosely: lower case, without accents, with apostrophes,
    /// hyphens, dots and runs of spaces turned into single spaces (`"L'Île-des-Pins"` →
    /// `"l ile des pins"`).
    static func fold(_ text: String) -> String {
        // The search folding (fast, table-driven) already turns accents, ligatures and case into
        // plain letters and every other character into a space.
        collapseSpaces(SearchText.fold(text))
    }

    /// The typed value between French quotes for a message, shortened past 40 characters, its
    /// control characters escaped (``ShownText``): `« 12/13/2001 »`.
    static func quoted(_ text: String) -> String {
        ShownText.quoted(text, limit: 40)
    }

    /// Turns typographic apostrophes (’ ‘ ʼ) into `'` and Unicode hyphens (‐ ‑) into `-`.
    static func plainPunctuation(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{2019}", "\u{2018}", "\u{02BC}": scalars.append("'")
            case "\u{2010}", "\u{2011}": scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Checks that a text holds only letters (with their accents), the given symbols and, when
    /// allowed, digits; and at least one letter, or one letter or digit when `digitIsEnough`.
    ///
    /// - Parameter guidance: the French sentence that says what to type, ending the message.
    static func checkCharacters(
        _ text: String, field: TierField, symbols: Set<Character>, digits: Bool,
        digitIsEnough: Bool = false, guidance: String
    ) throws(ValidationError) {
        var sawContent = false
        for character in text {
            if character.isLetter {
                sawContent = true
            } else if character.isNumber {
                guard digits, character.isWholeNumber else {
                    throw ValidationError.invalid(field, "les chiffres ne sont pas admis "
                        + "(\(quoted(String(character)))). \(guidance)")
                }
                sawContent = sawContent || digitIsEnough
            } else if !symbols.contains(character) {
                throw ValidationError.invalid(field, "le caractère \(quoted(String(character))) "
                    + "n'est pas admis. \(guidance)")
            }
        }
        guard sawContent else {
            throw ValidationError.invalid(field, "\(quoted(text)) ne contient "
                + (digitIsEnough ? "ni lettre ni chiffre" : "aucune lettre") + ". \(guidance)")
        }
    }

    /// Refuses a text longer than `limit` characters.
    static func checkLength(_ text: String, field: TierField, limit: Int) throws(ValidationError) {
        let count = text.count
        guard count <= limit else {
            throw ValidationError.invalid(field, "\(count) caractères saisis, pour \(limit) au plus. "
                + "Raccourcissez la saisie.")
        }
    }

    /// Whether the text is made of ASCII digits only (and is not empty).
    static func isASCIIDigits<S: StringProtocol>(_ text: S) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// Lists French alternatives: `"a, b ou c"`.
    static func frenchList(_ items: [String], conjunction: String = "ou") -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
        }
    }
}
