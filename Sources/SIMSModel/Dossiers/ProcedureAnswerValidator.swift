import Foundation

/// Checks one answer typed in a procedure's form and gives its stored form, like
/// ``FieldValidator`` does for tier fields. Bound fields go through their tier field's rule;
/// local fields through the rule of their type. Every message starts with the field's label.
///
/// ```swift
/// try ProcedureAnswerValidator.normalize("cm2", for: classe, today: today)          // "CM2"
/// try ProcedureAnswerValidator.normalize("1 250 000", for: revenus, today: today)   // "1250000"
/// ProcedureAnswerValidator.display("1250000", for: revenus)                          // "1 250 000 F"
/// ```
public enum ProcedureAnswerValidator {
    /// The stored form of a typed answer, nil when nothing was typed, or an error that names the
    /// field and says what to fix. A stored value normalizes to itself.
    public static func normalize(_ raw: String, for field: ProcedureField,
                                 today: CalendarDate) throws(ValidationError) -> String? {
        let value: String
        do {
            switch field.type {
            case .tierField(let tierField):
                return try FieldValidator.normalize(raw, for: tierField, today: today)
            default:
                guard let cleaned = try ValidationText.clean(raw, field: .address) else { return nil }
                value = cleaned
            }
        } catch {
            throw relabel(error, field)
        }
        switch field.type {
        case .tierField: return value
        case .text(let maxLength):
            guard value.count <= maxLength else {
                throw invalid(field, "\(value.count) caractères saisis, \(maxLength) au plus. Abrégez.")
            }
            return value
        case .date:
            return try DateRule.normalize(value, label: field.label, notAfter: nil)
        case .integer(let min, let max):
            guard let number = Int(value.filter { $0 != " " }), value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == " ") }) else {
                throw invalid(field, "« \(value) » n'est pas un nombre entier. Saisissez des chiffres, par ex. \(min).")
            }
            guard number >= min, number <= max else {
                throw invalid(field, "\(number) n'est pas entre \(min) et \(max).")
            }
            return String(number)
        case .amount(let max):
            var digits = value.lowercased()
            for suffix in ["xpf", "cfp", "f"] where digits.hasSuffix(suffix) {
                digits = String(digits.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            }
            digits = digits.filter { $0 != " " && $0 != "." && $0 != "\u{202F}" }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int(digits) else {
                throw invalid(field, "« \(value) » n'est pas un montant. Saisissez un montant en francs CFP, sans décimales, par ex. 1 250 000.")
            }
            guard amount <= max else {
                throw invalid(field, "\(grouped(amount)) F dépasse le maximum de \(grouped(max)) F. Vérifiez le montant.")
            }
            return String(amount)
        case .choice(let options):
            let folded = SearchText.fold(value)
            if let exact = options.first(where: { SearchText.fold($0) == folded }) { return exact }
            let starting = options.filter { SearchText.fold($0).hasPrefix(folded) }
            if starting.count == 1 { return starting[0] }
            throw invalid(field, "« \(value) » ne fait pas partie des choix : \(options.joined(separator: ", ")).")
        case .yesNo:
            switch SearchText.fold(value) {
            case "o", "oui", "y", "yes", "1": return "oui"
            case "n", "non", "no", "0": return "non"
            default: throw invalid(field, "répondez oui ou non (o/n).")
            }
        }
    }

    /// The answer as shown to agents and on receipts.
    public static func display(_ stored: String, for field: ProcedureField) -> String {
        switch field.type {
        case .tierField(let tierField): return FieldValidator.display(stored, for: tierField)
        case .date: return DateRule.display(stored)
        case .amount: return Int(stored).map { grouped($0) + " F" } ?? stored
        default: return stored
        }
    }

    /// The choices or the expected form, as a hint for the form's help line.
    public static func hint(for field: ProcedureField) -> String? {
        switch field.type {
        case .choice(let options): return "Choix : " + options.joined(separator: ", ")
        case .yesNo: return "o (oui) ou n (non)"
        case .date: return "jj/mm/aaaa"
        case .amount: return "montant en F CFP, sans décimales"
        case .integer(let min, let max): return "nombre entier de \(min) à \(max)"
        case .text, .tierField: return nil
        }
    }

    /// 1250000 → « 1 250 000 ».
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(digit)
        }
        return out
    }

    private static func invalid(_ field: ProcedureField, _ detail: String) -> ValidationError {
        ValidationError(field: field.binding.tierField, message: "\(field.label) : \(detail)")
    }

    /// A tier rule's message names the tier field (« Nom de naissance : ... »); in a form with
    /// the applicant and a child, the procedure's own label says which one.
    private static func relabel(_ error: ValidationError, _ field: ProcedureField) -> ValidationError {
        var message = error.message
        if let separator = message.range(of: " : ") { message = String(message[separator.upperBound...]) }
        return ValidationError(field: field.binding.tierField, message: "\(field.label) : \(message)")
    }
}
