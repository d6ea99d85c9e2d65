/// The rule of date fields (the birth date): typed the French way, stored as ISO `yyyy-MM-dd`.
///
/// Accepted input: `12/03/2001`, `2/3/2001`, `12-03-2001`, `12.03.2001`, `12032001`, six bare
/// digits `120301` (the century that keeps a birth date in the past, else the 2000s), and the
/// stored form `2001-03-12` itself. Refused: days that do not exist, two-digit years written
/// with separators, years before 1900, and (for birth dates) days after today.
///
/// ```swift
/// try DateRule.normalize("2/3/2001", field: .birthDate, today: today)   // "2001-03-02"
/// DateRule.display("2001-03-02")                                        // "02/03/2001"
/// ```
public enum DateRule {
    /// The earliest year accepted.
    public static let firstYear = 1900

    /// The canonical ISO form of a cleaned, non-empty value.
    ///
    /// - Parameter notAfter: the last day accepted (today for a birth date), or `nil`.
    public static func normalize(
        _ value: String, field: TierField, notAfter: CalendarDate?
    ) throws(ValidationError) -> String {
        try normalize(value, field: field, label: field.label, notAfter: notAfter)
    }

    /// The same for a date that is not a tier field (a procedure's own date field), its messages
    /// starting with `label`.
    public static func normalize(
        _ value: String, label: String, notAfter: CalendarDate?
    ) throws(ValidationError) -> String {
        try normalize(value, field: nil, label: label, notAfter: notAfter)
    }

    private static func normalize(
        _ value: String, field tierField: TierField?, label: String, notAfter: CalendarDate?
    ) throws(ValidationError) -> String {
        let field = Invalid(field: tierField, label: label)
        let example = "Saisissez une date au format jj/mm/aaaa, par ex. 12/03/2001."
        let parts = value.split(whereSeparator: { "/-. ".contains($0) }).map(String.init)
        let day: String, month: String, year: String
        if parts.count == 1, ValidationText.isASCIIDigits(parts[0]), parts[0].count == 8 {
            let digits = Array(parts[0])
            day = String(digits[0..<2])
            month = String(digits[2..<4])
            year = String(digits[4..<8])
        } else if parts.count == 1, ValidationText.isASCIIDigits(parts[0]), parts[0].count == 6 {
            // Typed fast as bare digits (`140385`): the century is the one that does not put the
            // date after the last day accepted (1985 for a birth date), else the 2000s.
            let digits = Array(parts[0])
            day = String(digits[0..<2])
            month = String(digits[2..<4])
            let short = Int(String(digits[4..<6]))!
            let recent = 2000 + short
            year = String(notAfter.map { recent > $0.year ? recent - 100 : recent } ?? recent)
        } else if parts.count == 3, parts.allSatisfy({ ValidationText.isASCIIDigits($0) }),
                  !value.hasPrefix("-") {
            if parts[0].count == 4 {
                (year, month, day) = (parts[0], parts[1], parts[2])   // the stored ISO form
            } else {
                (day, month, year) = (parts[0], parts[1], parts[2])
            }
        } else {
            throw field.error("\(ValidationText.quoted(value)) n'est pas une "
                + "date. \(example)")
        }
        guard day.count <= 2, month.count <= 2 else {
            throw field.error("\(ValidationText.quoted(value)) n'est pas une "
                + "date. \(example)")
        }
        guard year.count == 4 else {
            if year.count == 2 {
                throw field.error("l'année « \(year) » doit être saisie sur "
                    + "quatre chiffres. \(example)")
            }
            throw field.error("l'année « \(year) » doit avoir quatre chiffres. "
                + example)
        }
        let (d, m, y) = (Int(day)!, Int(month)!, Int(year)!)
        guard y >= firstYear else {
            throw field.error("l'année \(year) est antérieure à \(firstYear). "
                + "Vérifiez la date saisie.")
        }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            let typed = pad2(d) + "/" + pad2(m) + "/" + year
            throw field.error("le \(typed) n'existe pas. \(example)")
        }
        if let limit = notAfter, date > limit {
            throw field.error("le \(date.french) est postérieur à aujourd'hui "
                + "(\(limit.french)). Vérifiez la date saisie.")
        }
        return date.iso
    }

    /// The French display `jj/mm/aaaa` of a stored ISO date; other text is returned unchanged.
    public static func display(_ stored: String) -> String {
        CalendarDate(iso: stored)?.french ?? stored
    }

    /// Builds the errors of one date field, its message starting with the label.
    private struct Invalid {
        var field: TierField?
        var label: String

        func error(_ detail: String) -> ValidationError {
            ValidationError(field: field, message: "\(label) : \(detail)")
        }
    }

    private static func pad2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
