/// The rule of the RIDET, the New Caledonian business identifier: 7 digits for the company,
/// optionally followed by 3 digits for the establishment.
///
/// Typed with or without separators (dot, space, hyphen): `0123456.001`, `0123456 001`,
/// `0123456001`, `0123456`. Stored as `0123456.001`, or `0123456` when only the company is given.
///
/// ```swift
/// try RidetRule.normalize("0123456 001", field: .ridet)   // "0123456.001"
/// ```
public enum RidetRule {
    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let separators: Set<Character> = [".", " ", "-"]
        let digits = value.filter { !separators.contains($0) }
        let wellPlaced = !separators.contains(value.first!) && !separators.contains(value.last!)
        guard wellPlaced, ValidationText.isASCIIDigits(digits), digits.count == 7 || digits.count == 10
        else {
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas un "
                + "RIDET. Saisissez 7 chiffres, suivis éventuellement de 3 chiffres "
                + "d'établissement, par ex. 0123456.001.")
        }
        return digits.count == 7 ? digits : String(digits.prefix(7)) + "." + String(digits.suffix(3))
    }

    /// The display form: the stored form already is `0123456.001`; a bare 10-digit value is
    /// dotted; other text is returned unchanged.
    public static func display(_ stored: String) -> String {
        if stored.count == 10, ValidationText.isASCIIDigits(stored) {
            return String(stored.prefix(7)) + "." + String(stored.suffix(3))
        }
        return stored
    }
}
