/// The rule of the birth place: letters, digits, spaces, apostrophes, hyphens, parentheses, dots
/// and commas, 80 characters at most.
///
/// ```swift
/// try BirthPlaceRule.normalize("Nouméa  (Nouvelle-Calédonie)", field: .birthPlace)
/// // "Nouméa (Nouvelle-Calédonie)"
/// ```
public enum BirthPlaceRule {
    /// The longest birth place accepted.
    public static let maximumLength = 80

    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let place = ValidationText.collapseSpaces(ValidationText.plainPunctuation(value))
        try ValidationText.checkCharacters(
            place, field: field, symbols: [" ", "'", "-", "(", ")", ".", ","], digits: true,
            guidance: "Saisissez la commune et, hors de Nouvelle-Calédonie, le pays, par ex. "
                + "« Papeete (Polynésie française) ».")
        try ValidationText.checkLength(place, field: field, limit: maximumLength)
        return place
    }
}
