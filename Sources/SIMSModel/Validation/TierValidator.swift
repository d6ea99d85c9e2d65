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
        let (normalized, errors) = validate(kind: kind, slots: TierFieldSlots.slots(values), today: today)
        return TierValidation(normalized: TierFieldSlots.dictionary(normalized), errors: errors)
    }

    /// The same on values in ``TierFieldSlots`` order, giving the canonical values in that order:
    /// the import's way, without hashing field names.
    static func validate(
        kind: TierKind, slots: [String?], today: CalendarDate
    ) -> (normalized: [String?], errors: [ValidationError]) {
        var normalized = TierFieldSlots.empty
        var errors: [ValidationError] = []
        for (index, field) in TierFieldSlots.fields.enumerated() {
            let raw = slots[index] ?? ""
            guard field.applies(to: kind) else {
                if hasContent(raw) {
                    errors.append(.invalid(field, "ce champ ne concerne pas une "
                        + "\(kind.label.lowercased()). Videz-le ou changez le type de tiers."))
                }
                continue
            }
            do {
                if let value = try FieldValidator.normalize(raw, for: field, today: today) {
                    normalized[index] = value
                } else if field.isRequired(for: kind) {
                    errors.append(.invalid(field, "champ obligatoire."))
                }
            } catch {
                errors.append(error)
            }
            if index == postalCodeSlot, let commune = normalized[communeSlot], let code = normalized[postalCodeSlot],
               let mismatch = CommuneRule.checkCommune(commune, postalCode: code) {
                errors.append(mismatch)
            }
        }
        return (normalized, errors)
    }

    private static let communeSlot = TierFieldSlots.index(of: .commune)
    private static let postalCodeSlot = TierFieldSlots.index(of: .postalCode)

    /// Whether a value holds anything besides spaces (control characters count as content).
    private static func hasContent(_ raw: String) -> Bool {
        raw.unicodeScalars.contains { $0.properties.generalCategory != .spaceSeparator }
    }
}
