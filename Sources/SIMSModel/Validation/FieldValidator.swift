/// Checks one value typed for one field of a tier and gives its canonical stored form.
///
/// Every value is first cleaned (control and invisible characters refused, accents composed,
/// spaces trimmed), then handed to the field's rule: ``DateRule``, ``RidetRule``, ``PhoneRule``,
/// ``PostalCodeRule``, ``CommuneRule``, ``EmailRule``, ``NameRule``, ``BirthPlaceRule``,
/// ``SexRule``, ``CafatRule``, ``CompanyNameRule``, ``LegalFormRule``, ``FreeTextRule``.
/// A stored value normalizes to itself.
///
/// ```swift
/// try FieldValidator.normalize(" 12/03/2001 ", for: .birthDate, today: today)  // "2001-03-12"
/// try FieldValidator.normalize("   ", for: .phone, today: today)               // nil
/// FieldValidator.display("251234", for: .phone)                                // "25.12.34"
/// ```
public enum FieldValidator {
    /// The canonical stored form of a typed value, `nil` when nothing was typed, or an error
    /// whose French message names the field and says what to fix.
    ///
    /// - Parameter today: the current date, the last one a birth date may be.
    public static func normalize(
        _ raw: String, for field: TierField, today: CalendarDate
    ) throws(ValidationError) -> String? {
        if let known = FastFieldNormalizer.normalize(raw, for: field, today: today) { return known }
        return try normalizeByRule(raw, for: field, today: today)
    }

    /// The same through the field's rule alone, without ``FastFieldNormalizer``.
    static func normalizeByRule(
        _ raw: String, for field: TierField, today: CalendarDate
    ) throws(ValidationError) -> String? {
        guard let value = try ValidationText.clean(raw, field: field) else { return nil }
        switch field {
        case .birthName, .usageName, .givenNames:
            return try NameRule.normalize(value, field: field)
        case .sex:
            return try SexRule.normalize(value, field: field)
        case .birthDate:
            return try DateRule.normalize(value, field: field, notAfter: today)
        case .birthPlace:
            return try BirthPlaceRule.normalize(value, field: field)
        case .address:
            return try FreeTextRule.normalize(value, field: field)
        case .commune:
            return try CommuneRule.normalize(value, field: field)
        case .postalCode:
            return try PostalCodeRule.normalize(value, field: field)
        case .phone:
            return try PhoneRule.normalize(value, field: field)
        case .email:
            return try EmailRule.normalize(value, field: field)
        case .cafat:
            return try CafatRule.normalize(value, field: field)
        case .companyName:
            return try CompanyNameRule.normalize(value, field: field)
        case .ridet:
            return try RidetRule.normalize(value, field: field)
        case .legalForm:
            return try LegalFormRule.normalize(value, field: field)
        }
    }

    /// The French display form of a stored value: dates `12/03/2001`, phones `25.12.34`, RIDET
    /// `0123456.001`; other fields as stored. A value that is not in its stored form is shown
    /// unchanged.
    public static func display(_ stored: String, for field: TierField) -> String {
        switch field {
        case .birthDate: return DateRule.display(stored)
        case .phone: return PhoneRule.display(stored)
        case .ridet: return RidetRule.display(stored)
        default: return stored
        }
    }

    /// Checks that a postal code belongs to a commune (see ``CommuneRule/checkCommune(_:postalCode:)``).
    public static func checkCommune(_ commune: String, postalCode: String) -> ValidationError? {
        CommuneRule.checkCommune(commune, postalCode: postalCode)
    }
}
