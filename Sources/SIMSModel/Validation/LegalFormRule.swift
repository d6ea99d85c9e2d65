/// The rule of the legal form (forme juridique) of an organisation: one of the French and New
/// Caledonian forms of ``forms``, matched without regard to case, accents, dots or spaces
/// (`s.a.r.l.`, `Société à responsabilité limitée`), stored in its canonical spelling.
///
/// ```swift
/// try LegalFormRule.normalize("s.a.r.l.", field: .legalForm)                 // "SARL"
/// try LegalFormRule.normalize("association loi de 1901", field: .legalForm)  // "Association loi 1901"
/// ```
public enum LegalFormRule {
    /// The canonical legal forms, each with the other spellings that designate it.
    public static let forms: [(canonical: String, aliases: [String])] = [
        ("SARL", ["Société à responsabilité limitée"]),
        ("EURL", ["Entreprise unipersonnelle à responsabilité limitée", "SARLU",
                  "SARL unipersonnelle"]),
        ("SA", ["Société anonyme"]),
        ("SAS", ["Société par actions simplifiée"]),
        ("SASU", ["Société par actions simplifiée unipersonnelle"]),
        ("SNC", ["Société en nom collectif"]),
        ("SCS", ["Société en commandite simple"]),
        ("SCA", ["Société en commandite par actions"]),
        ("SCI", ["Société civile immobilière"]),
        ("SCP", ["Société civile professionnelle"]),
        ("SCM", ["Société civile de moyens"]),
        ("Société civile", ["SC"]),
        ("SELARL", ["Société d'exercice libéral à responsabilité limitée"]),
        ("SELAS", ["Société d'exercice libéral par actions simplifiée"]),
        ("SEM", ["Société d'économie mixte", "SAEM"]),
        ("Société coopérative", ["Coopérative", "SCOP"]),
        ("GIE", ["Groupement d'intérêt économique"]),
        ("Association loi 1901", ["Association", "Association loi de 1901", "Asso loi 1901"]),
        ("Fondation", []),
        ("Entreprise individuelle", ["EI", "Patenté"]),
        ("EPIC", ["Établissement public industriel et commercial"]),
        ("EPA", ["Établissement public administratif"]),
        ("Établissement public", []),
        ("Collectivité territoriale", ["Collectivité"]),
    ]

    /// The forms quoted as examples in error messages.
    static let examples = ["SARL", "SAS", "EURL", "SCI", "Association loi 1901",
                           "Entreprise individuelle", "Établissement public"]

    /// The canonical spelling of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let key = matchKey(value)
        for form in forms where ([form.canonical] + form.aliases).contains(where: { matchKey($0) == key }) {
            return form.canonical
        }
        throw ValidationError.invalid(field, "\(ValidationText.quoted(value)) n'est pas une forme "
            + "juridique connue. Saisissez par ex. "
            + ValidationText.frenchList(examples) + ".")
    }

    /// The text compared: folded, without any space (`"S.A.R.L."` → `"sarl"`).
    private static func matchKey(_ text: String) -> String {
        ValidationText.fold(text).filter { $0 != " " }
    }
}
