/// When a piece is asked for: only when a choice field of the dossier holds one of some values
/// (`si: classe_licence = 3e classe, 5e classe` in a procedure file).
///
/// ```swift
/// let condition = PieceCondition(fieldKey: "classe_licence", values: ["3e classe", "5e classe"])
/// condition.holds(in: ["classe_licence": "3e classe"])   // true
/// condition.description                                  // "classe_licence : 3e classe ou 5e classe"
/// ```
public struct PieceCondition: Sendable, Equatable {
    /// The key of the dossier's field the condition reads.
    public var fieldKey: String
    /// The values for which the piece is asked for.
    public var values: [String]

    public init(fieldKey: String, values: [String]) {
        self.fieldKey = fieldKey
        self.values = values
    }

    /// Whether the answers make the piece asked for.
    public func holds(in answers: [String: String]) -> Bool {
        guard let answer = answers[fieldKey] else { return false }
        let folded = SearchText.fold(answer)
        return values.contains { SearchText.fold($0) == folded }
    }

    /// The values, in French: « 3e classe ou 5e classe ».
    public var valuesText: String {
        values.count <= 1 ? (values.first ?? "") : values.dropLast().joined(separator: ", ") + " ou " + values.last!
    }
}
