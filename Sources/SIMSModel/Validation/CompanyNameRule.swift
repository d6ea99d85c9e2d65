/// The rule of the company name (raison sociale): letters, digits, spaces and the usual
/// punctuation `' - . , & ( ) / « » "`, 120 characters at most.
///
/// ```swift
/// try CompanyNameRule.normalize("Boulangerie  L’Épi d’Or", field: .companyName)
/// // "Boulangerie L'Épi d'Or"
/// ```
public enum CompanyNameRule {
    /// The longest company name accepted.
    public static let maximumLength = 120

    /// The punctuation accepted besides letters and digits.
    public static let symbols: Set<Character> = [
        " ", "'", "-", ".", ",", "&", "(", ")", "/", "«", "»", "\"",
    ]

    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let name = ValidationText.collapseSpaces(ValidationText.plainPunctuation(value))
        try ValidationText.checkCharacters(
            name, field: field, symbols: symbols, digits: true, digitIsEnough: true,
            guidance: "Saisissez la raison sociale telle qu'elle figure au RIDET : lettres, "
                + "chiffres, espaces et ' - . , & ( ) / « » \".")
        try ValidationText.checkLength(name, field: field, limit: maximumLength)
        return name
    }
}
