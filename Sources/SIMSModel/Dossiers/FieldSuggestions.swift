/// The values read on a dossier's pieces that could fill one field of its form, as the agent
/// would type them.
///
/// ```swift
/// let found = TextSuggestions.extract(from: document.ocrText ?? "", today: today)
/// FieldSuggestions.values(for: birthDateField, from: found)   // ["14/03/1985"]
/// ```
public enum FieldSuggestions {
    public static func values(for field: ProcedureField, from suggestions: [TextSuggestion]) -> [String] {
        var values: [String] = []
        for suggestion in suggestions {
            let value: String?
            switch field.type {
            case .tierField(let tierField):
                value = suggestion.fields[tierField].map { FieldValidator.display($0, for: tierField) }
            case .date:
                value = suggestion.kind == .date ? suggestion.display : nil
            default:
                value = nil
            }
            if let value, !values.contains(value) { values.append(value) }
        }
        return values
    }
}
