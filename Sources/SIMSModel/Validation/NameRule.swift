/// The rule of person names (birth name, usage name, given names): letters of any language with
/// their accents, apostrophes, hyphens and spaces.
///
/// Digits, symbols and control characters are refused; `’` becomes `'`; runs of spaces become one
/// space; the case is kept as typed. Length: 1...80 characters, 1...120 for given names.
///
/// ```swift
/// try NameRule.normalize("N’Guyen   Van-Thanh", field: .birthName)   // "N'Guyen Van-Thanh"
/// ```
public enum NameRule {
    /// The longest name accepted for a field: 120 for given names, 80 otherwise.
    public static func maximumLength(for field: TierField) -> Int {
        field == .givenNames ? 120 : 80
    }

    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let name = ValidationText.collapseSpaces(ValidationText.plainPunctuation(value))
        let guidance = "Saisissez des lettres, avec si besoin apostrophes, traits d'union et espaces."
        try ValidationText.checkCharacters(name, field: field, symbols: ["'", "-", " "],
                                           digits: false, guidance: guidance)
        guard !name.hasPrefix("-"), !name.hasSuffix("-") else {
            throw ValidationError.invalid(field, "\(ValidationText.quoted(name)) commence ou finit "
                + "par un trait d'union. \(guidance)")
        }
        try ValidationText.checkLength(name, field: field, limit: maximumLength(for: field))
        return name
    }
}
