/// The rule of free text fields (the address): any printable text on one line, 200 characters at
/// most, runs of spaces collapsed.
///
/// Control characters are refused before this rule runs (``ValidationText/clean(_:field:)``).
///
/// ```swift
/// try FreeTextRule.normalize("12  rue de Sébastopol,  BP 123", field: .address)
/// // "12 rue de Sébastopol, BP 123"
/// ```
public enum FreeTextRule {
    /// The longest free text accepted.
    public static let maximumLength = 200

    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let text = ValidationText.collapseSpaces(value)
        try ValidationText.checkLength(text, field: field, limit: maximumLength)
        return text
    }
}
