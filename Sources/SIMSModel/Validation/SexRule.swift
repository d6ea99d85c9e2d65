/// The rule of the sex field: stored `F` or `M`.
///
/// Accepted, in any case and with or without accents: `f`, `m`, `féminin`, `masculin`, `femme`,
/// `homme`.
///
/// ```swift
/// try SexRule.normalize("Féminin", field: .sex)   // "F"
/// ```
public enum SexRule {
    /// The canonical letter of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        switch ValidationText.fold(value) {
        case "f", "feminin", "femme": return "F"
        case "m", "masculin", "homme": return "M"
        default:
            throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas "
                + "reconnu. Saisissez F (féminin) ou M (masculin).")
        }
    }

    /// The French display of a stored letter: `Féminin`, `Masculin`; other text is unchanged.
    public static func display(_ stored: String) -> String {
        switch stored {
        case "F": return "Féminin"
        case "M": return "Masculin"
        default: return stored
        }
    }
}
