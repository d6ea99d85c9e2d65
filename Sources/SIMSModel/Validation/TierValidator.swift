/// Checks all the values typed for a tier together: each field, the required fields, the fields
/// that do not belong to the tier's kind, and the commune against the postal code.
///
/// ```swift
/// let result = TierValidator.validate(
///     kind: .person,
///     values: [.birthName: "Wamytan", .givenNames: "Léa", .birthDate: "12/03/2001"],
///     today: CalendarDate.today())
/// result.normalized[.birthDate]   // "2001-03-12"
/// result.errors                   // []
/// ```
public enum TierValidator {
    /// Normalizes every field and collects the errors in ``TierField/allCases`` order.
    ///
    /// - A field that applies to the kind is normalized; a valid non-empty value goes into
    ///   `normalized`, an invalid one gives its rule's error.
    /// - A required field left empty gives « Nom de naissance : champ obligatoire. ».
    /// - A field that does not apply to the kind but has a value gives an error; empty ones are
    ///   ignored.
    /// - When both the commune and the postal code are valid, the code must be one of the
    ///   commune's (the error is on the postal code).
    public static func validate(
        kind: TierKind, values: [TierField: String], today: CalendarDate
    ) -> TierValidation {
        var result = TierValidation()
        for field in TierField.allCases {
            let raw = values[field] ?? ""
            guard field.applies(to: kind) else {
                if hasContent(raw) {
                    result.errors.append(.invalid(field, "ce champ ne concerne pas une "
                        + "\(kind.label.lowercased()). Videz-le ou changez le type de tiers."))
                }
                continue
            }
            do {
                if let value = try FieldValidator.normalize(raw, for: field, today: today) {
                    result.normalized[field] = value
                } else if field.isRequired(for: kind) {
                    result.errors.append(.invalid(field, "champ obligatoire."))
                }
            } catch {
                result.errors.append(error)
            }
            if field == .postalCode, let commune = result.normalized[.commune],
               let code = result.normalized[.postalCode],
               let mismatch = CommuneRule.checkCommune(commune, postalCode: code) {
                result.errors.append(mismatch)
            }
        }
        return result
    }

    /// Whether a value holds anything besides spaces (control characters count as content).
    private static func hasContent(_ raw: String) -> Bool {
        raw.unicodeScalars.contains { $0.properties.generalCategory != .spaceSeparator }
    }
}
