/// The rule of the CAFAT number (New Caledonian social security): digits only, stored as the
/// digits.
///
/// The official format could not be established: the CAFAT's public pages checked do not state
/// it, and public code that handles it disagrees (one form requires 6 digits, another allows up
/// to 7). So 4 to 9 digits are accepted (``digitCount``), spaces, dots and hyphens between them
/// being ignored, leading zeros kept. Tighten ``digitCount`` once the CAFAT confirms the format.
///
/// ```swift
/// try CafatRule.normalize("123 456", field: .cafat)   // "123456"
/// ```
public enum CafatRule {
    /// The number of digits accepted.
    public static let digitCount = 4...9

    /// The canonical digits of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let digits = value.filter { ![" ", ".", "-"].contains($0) }
        guard ValidationText.isASCIIDigits(digits), digitCount.contains(digits.count) else {
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas un "
                + "numéro valide. Saisissez uniquement les chiffres du numéro d'assuré "
                + "(\(digitCount.lowerBound) à \(digitCount.upperBound) chiffres), par ex. 123456.")
        }
        return digits
    }
}
