/// The rule of the commune field: a commune of the Province Sud, matched without regard to case,
/// accents, hyphens or apostrophes, stored with its official spelling.
///
/// ```swift
/// try CommuneRule.normalize("ILE DES PINS", field: .commune)         // "Île des Pins"
/// CommuneRule.checkCommune("Dumbéa", postalCode: "98800")?.message
/// // "Code postal : 98800 n'est pas un code de Dumbéa (c'est celui de Nouméa).
/// //  Codes de Dumbéa : 98830, 98835, 98837 ou 98839. Corrigez le code postal ou la commune."
/// ```
public enum CommuneRule {
    /// The official name of the commune a cleaned, non-empty value designates.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        if let commune = ProvinceSudCommune.named(value) { return commune.name }
        var detail = "\(ValidationText.quoted(value)) n'est pas une commune de la Province Sud."
        if let guess = suggestion(for: value) {
            detail += " Vouliez-vous dire « \(guess.name) » ?"
        }
        detail += " Saisissez une commune de la Province Sud : "
            + ValidationText.frenchList(ProvinceSudCommune.all.map(\.name)) + "."
        throw ValidationError.invalid(field, detail)
    }

    /// Checks that a postal code belongs to a commune; `nil` when it does, or when either value is
    /// not a known commune or code (each field's own rule reports that).
    ///
    /// Both values may be stored or typed forms ("mont dore", "98 810"). The error is about the
    /// postal code field and names the codes the commune has.
    public static func checkCommune(_ commune: String, postalCode: String) -> ValidationError? {
        let code = postalCode.utf8.contains(UInt8(ascii: " ")) ? postalCode.filter { $0 != " " } : postalCode
        guard let place = ProvinceSudCommune.named(commune),
              ProvinceSudCommune.allPostalCodes.contains(code),
              !place.postalCodes.contains(code)
        else { return nil }
        let sorted = place.postalCodes.sorted()
        let codes = sorted.count == 1
            ? "\(place.name) a le code \(sorted[0])"
            : "Codes de \(place.name) : " + ValidationText.frenchList(sorted)
        let owners = ProvinceSudCommune.withPostalCode(code).map(\.name)
        return .invalid(.postalCode, "\(code) n'est pas un code de \(place.name) (c'est celui de "
            + ValidationText.frenchList(owners, conjunction: "et de") + "). \(codes). "
            + "Corrigez le code postal ou la commune.")
    }

    /// The commune closest to a mistyped name: one whose folded name starts with the folded input
    /// (3 letters at least), or is at most 2 edits away.
    static func suggestion(for typed: String) -> ProvinceSudCommune? {
        let key = ValidationText.fold(typed)
        guard key.count >= 3 else { return nil }
        var best: (commune: ProvinceSudCommune, distance: Int)?
        for commune in ProvinceSudCommune.all {
            for name in [commune.name] + commune.aliases {
                let folded = ValidationText.fold(name)
                let distance = folded.hasPrefix(key) ? 0 : EditDistance.distance(key, folded, limit: 2)
                if distance <= 2, distance < best?.distance ?? Int.max {
                    best = (commune, distance)
                }
            }
        }
        return best?.commune
    }
}
