/// The rule of phone numbers: New Caledonian numbers of 6 digits, country code +687, stored as
/// the 6 digits (`251234`) and shown as `25.12.34`.
///
/// Accepted input: `+687 25 12 34`, `00687251234`, `687251234` (9 digits starting with 687),
/// `25.12.34`, `25-12-34`, `25 12 34`, `251234`.
///
/// The first two digits must be in use in the New Caledonian numbering plan (closed plan of
/// 6 digits, managed by the OPT-NC), as listed by the French Wikipedia article « Plan de
/// numérotation en Nouvelle-Calédonie » (after the ITU's national numbering plan for +687), and
/// by libphonenumber's metadata for NC, which agree:
/// - fixed lines (RTPC): 20, 23 to 29, 30 to 35, 41 to 47, and 88 (public phone booths);
/// - mobiles: 50 to 59, 70 to 79, 80 to 87, 89, 90 to 99;
/// - 36: Audiotel and voice services, accepted (businesses publish them) but neither fixed nor
///   mobile.
/// Numbers starting with 0 (unused), 1 (short emergency and OPT service codes), 21, 22, 37 to 40,
/// 48, 49 or 6 (66 is marine VHF) are refused.
///
/// ```swift
/// try PhoneRule.normalize("+687 75 12 34", field: .phone)   // "751234"
/// PhoneRule.kind(of: "751234")                             // .mobile
/// PhoneRule.display("751234")                              // "75.12.34"
/// ```
public enum PhoneRule {
    /// The canonical 6 digits of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let example = "Saisissez un numéro de Nouvelle-Calédonie à 6 chiffres, par ex. 25.12.34 "
            + "ou +687 25 12 34."
        let digits: String
        switch parse(value) {
        case .digits(let six):
            digits = six
        case .notANumber:
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas un "
                + "numéro de téléphone. \(example)")
        case .foreign:
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas un "
                + "numéro de Nouvelle-Calédonie (indicatif +687). \(example)")
        case .wrongLength(let count):
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) a \(count) "
                + "chiffre\(count > 1 ? "s" : "") au lieu de 6. \(example)")
        }
        guard isAllocated(digits) else {
            throw ValidationError.invalid(field, "\(display(digits)) n'est pas un numéro attribué "
                + "en Nouvelle-Calédonie : un fixe commence par 20, 23 à 35 ou 41 à 47, un mobile "
                + "par 5, 7, 8 ou 9. Vérifiez le numéro.")
        }
        return digits
    }

    /// Whether a number is a fixed line or a mobile; `nil` for a service number (36 xx xx) or a
    /// value that is not a valid New Caledonian number. Takes the stored form or any typed form.
    ///
    /// ```swift
    /// PhoneRule.kind(of: "25.12.34")    // .landline
    /// PhoneRule.kind(of: "+687 912345") // .mobile
    /// ```
    public static func kind(of number: String) -> PhoneKind? {
        guard case .digits(let digits) = parse(number) else { return nil }
        return kind(ofDigits: digits)
    }

    /// The display form `25.12.34` of the stored 6 digits; other text is returned unchanged.
    public static func display(_ stored: String) -> String {
        guard stored.count == 6, ValidationText.isASCIIDigits(stored) else { return stored }
        let d = Array(stored)
        return String(d[0..<2]) + "." + String(d[2..<4]) + "." + String(d[4..<6])
    }

    // MARK: Parsing

    private enum Parsed {
        case digits(String)
        case notANumber
        case foreign
        case wrongLength(Int)
    }

    private static func parse(_ value: String) -> Parsed {
        let ignored: Set<Character> = [" ", "\u{A0}", ".", "-", "/", "(", ")"]
        var compact = value.filter { !ignored.contains($0) }
        var international = false
        if compact.hasPrefix("+") {
            international = true
            compact.removeFirst()
        }
        guard ValidationText.isASCIIDigits(compact) else { return .notANumber }
        if compact.hasPrefix("00") {
            international = true
            compact.removeFirst(2)
        }
        if international {
            guard compact.hasPrefix("687") else { return .foreign }
            compact.removeFirst(3)
            return compact.count == 6 ? .digits(compact) : .wrongLength(compact.count)
        }
        if compact.count == 9, compact.hasPrefix("687") {
            return .digits(String(compact.dropFirst(3)))
        }
        return compact.count == 6 ? .digits(compact) : .wrongLength(compact.count)
    }

    // MARK: Numbering plan

    private static func prefix(_ digits: String) -> Int {
        Int(digits.prefix(2))!
    }

    private static func kind(ofDigits digits: String) -> PhoneKind? {
        switch prefix(digits) {
        case 20, 23...35, 41...47, 88: return .landline
        case 50...59, 70...87, 89...99: return .mobile
        default: return nil
        }
    }

    private static func isAllocated(_ digits: String) -> Bool {
        kind(ofDigits: digits) != nil || prefix(digits) == 36
    }
}
