/// One input of an ``ActionPrompt``: a line of text, or a choice among fixed options.
struct PromptField: Equatable {
    enum Kind: Equatable {
        case text(TextField)
        /// The options and the index of the one chosen.
        case choice([String], Int)
    }

    var label: String
    var kind: Kind

    /// A text input; with `cursorAtStart`, a long value given beforehand (a list to review) opens
    /// showing its beginning rather than its end.
    static func text(_ label: String, _ value: String = "", maxLength: Int = 200, cursorAtStart: Bool = false) -> PromptField {
        var field = TextField(text: value, maxLength: maxLength)
        if cursorAtStart { field.handle(.key(.home), action: .debutChamp) }
        return PromptField(label: label, kind: .text(field))
    }

    static func choice(_ label: String, _ options: [String], selected: Int = 0) -> PromptField {
        PromptField(label: label, kind: .choice(options, min(max(selected, 0), max(options.count - 1, 0))))
    }

    /// The text typed, or the option chosen.
    var value: String {
        switch kind {
        case .text(let field): return field.text
        case .choice(let options, let index): return options.indices.contains(index) ? options[index] : ""
        }
    }

    /// The index of the option chosen (0 for text).
    var selectedIndex: Int {
        if case .choice(_, let index) = kind { return index }
        return 0
    }
}
