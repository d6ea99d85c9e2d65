/// The rule of postal codes: 5 digits, one of the codes of the Province Sud
/// (``ProvinceSudCommune/allPostalCodes``).
///
/// ```swift
/// try PostalCodeRule.normalize("98 800", field: .postalCode)   // "98800"
/// ```
public enum PostalCodeRule {
    /// The canonical 5 digits of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let code = value.filter { $0 != " " }
        guard code.count == 5, ValidationText.isASCIIDigits(code) else {
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas un code "
                + "postal. Saisissez les 5 chiffres d'un code de la Province Sud, par ex. "
                + "98800 (Nouméa).")
        }
        guard ProvinceSudCommune.allPostalCodes.contains(code) else {
            // Short enough to stay whole on the form's two message rows: the commune's own codes
            // are named by ``CommuneRule`` once both are typed.
            throw ValidationError.invalid(field, "\(code) inconnu en Province Sud. Saisissez "
                + "celui de la commune, par ex. 98800 (Nouméa), 98810 (Mont-Dore), 98890 (Païta).")
        }
        return code
    }
}
