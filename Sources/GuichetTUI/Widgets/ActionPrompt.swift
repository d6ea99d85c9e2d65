/// A small form drawn at the bottom of a screen to complete an action: the motif of a decision,
/// the pieces to ask for and their date, the colleague to give a dossier to, a note…
///
/// Tab and the arrows move between fields, Left/Right or Space change a choice, Enter confirms
/// from any field (as the help line says), Esc cancels. After a refusal the caller sets
/// ``error`` and the prompt stays open with everything typed.
///
/// ```swift
/// var prompt = ActionPrompt(title: "Proposer une décision", fields: [.choice("Décision", ["acceptation", "refus"]),
///                                                                  .text("Motif")])
/// if prompt.handle(.enter) == .confirmed { use(prompt.fields[1].value) }
/// ```
struct ActionPrompt: Equatable {
    enum Outcome: Equatable {
        case editing
        case confirmed
        case cancelled
    }

    var title: String
    var fields: [PromptField]
    /// Lines of information shown above the fields (what confirming will also do).
    var notes: [String] = []
    var focus = 0
    /// Why the last confirmation was refused, shown in the prompt.
    var error: String?

    /// The actions the prompt answers now (for the function-key bar and the help while it is
    /// open): Esc/F12 cancel; Tab and the arrows move between fields when there are several; the
    /// field-editing keys in a text field. Enter confirms, as the prompt's own help line says.
    var answeredActions: Set<KeyAction> {
        var answered: Set<KeyAction> = [.annuler]
        if fields.count > 1 { answered.formUnion([.champSuivant, .champPrecedent, .ligneSuivante, .lignePrecedente]) }
        if fields.indices.contains(focus), case .text = fields[focus].kind { answered.formUnion(TextField.editingActions) }
        return answered
    }

    init(title: String, fields: [PromptField], notes: [String] = []) {
        self.title = title
        self.fields = fields
        self.notes = notes
    }

    /// The most rows a refusal takes (with its remedy: « …ou scannez un avis de situation »).
    static let maxErrorLines = 5

    /// The rows the prompt takes in an area `areaWidth` columns wide: a rule with its title, the
    /// notes, one per field, then the help line or the whole refusal, wrapped.
    func height(areaWidth: Int) -> Int { notes.count + fields.count + 1 + errorLines(width: areaWidth - 2).count }

    /// The refusal's lines (« ✗ » first), or one line for the help line when there is none.
    private func errorLines(width: Int) -> [String] {
        guard let error else { return [""] }
        return WrappedText.lines("✗ " + error, width: width, maxLines: Self.maxErrorLines)
    }

    mutating func handle(_ event: KeyEvent, action: KeyAction? = nil) -> Outcome {
        switch event {
        case .key(.escape, _), .key(.function(12), _):
            return .cancelled
        case .key(.enter, _):
            return .confirmed
        case .key(.tab, _), .key(.down, _):
            focus = (focus + 1) % fields.count
            return .editing
        case .key(.backTab, _), .key(.up, _):
            focus = (focus + fields.count - 1) % fields.count
            return .editing
        default:
            break
        }
        switch fields[focus].kind {
        case .text(var field):
            if field.handle(event, action: action) {
                fields[focus].kind = .text(field)
                error = field.refusal
            }
        case .choice(let options, let index):
            guard !options.isEmpty else { break }
            switch event {
            case .key(.right, _), .key(.character(" "), _):
                fields[focus].kind = .choice(options, (index + 1) % options.count)
                error = nil   // the refusal was about the choice before
            case .key(.left, _):
                fields[focus].kind = .choice(options, (index + options.count - 1) % options.count)
                error = nil
            case .key(.character(let c), let modifiers) where modifiers.isEmpty:
                // The first option starting with the letter typed.
                let letter = String(c).lowercased()
                if let found = options.firstIndex(where: { $0.lowercased().hasPrefix(letter) }) {
                    fields[focus].kind = .choice(options, found)
                    error = nil
                } else {
                    // Said, not swallowed: text typed here was meant for another field.
                    error = "\(fields[focus].label) : aucun choix ne commence par « \(c) » ("
                        + options.joined(separator: ", ") + ") ; Tab : champ suivant."
                }
            default:
                break
            }
        }
        return .editing
    }

    /// The prompt after a key: nil once closed (Esc, or Enter when `confirm` succeeds); still open
    /// with the refusal shown when `confirm` throws (its French message), everything typed kept.
    func responding(to event: KeyEvent, action: KeyAction? = nil, confirm: (ActionPrompt) throws -> Void) -> ActionPrompt? {
        var next = self
        switch next.handle(event, action: action) {
        case .editing:
            return next
        case .cancelled:
            return nil
        case .confirmed:
            do {
                try confirm(next)
                return nil
            } catch {
                next.error = "\(error)"
                // Confirmed from a choice with a text left empty (the motif): the agent types there next.
                if case .choice = next.fields[next.focus].kind,
                   let empty = next.fields.firstIndex(where: { if case .text(let text) = $0.kind { return text.text.isEmpty }; return false }) {
                    next.focus = empty
                }
                return next
            }
        }
    }

    /// Draws the prompt on the last ``height(areaWidth:)`` rows of `area`; returns the cursor in the
    /// focused text field, or on the option shown by the focused choice.
    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let height = height(areaWidth: area.width)
        let top = area.y + area.height - height
        let x = area.x + 1, width = area.width - 2
        buffer.fill(CellRect(x: area.x, y: top, width: area.width, height: height))
        buffer.fill(CellRect(x: area.x, y: top, width: area.width, height: 1), with: "─", style: theme.dim)
        buffer.put(" \(title) ", x: x + 1, y: top, style: theme.title, maxWidth: width - 2)
        let labelWidth = min((fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3, 24)
        var cursor: CursorPosition?
        for (index, note) in notes.enumerated() {
            buffer.put(DisplayWidth.of(note) > width ? String(note.prefix(width - 1)) + "…" : note, x: x, y: top + 1 + index,
                       style: theme.notice, maxWidth: width)
        }
        for (index, field) in fields.enumerated() {
            let y = top + 1 + notes.count + index
            // The focused field is said in text too: « ▸ » left of its label, as a list's selection.
            if index == focus { buffer.put(ListCursor.mark, x: x - 1, y: y) }
            buffer.put(field.label + " :", x: x, y: y, style: index == focus ? theme.title : theme.label,
                       maxWidth: labelWidth - 1)
            let fieldX = x + labelWidth, fieldWidth = width - labelWidth
            switch field.kind {
            case .text(let text):
                let at = text.render(into: &buffer, x: fieldX, y: y, width: fieldWidth,
                                     style: index == focus ? theme.focusedField : theme.field)
                if index == focus { cursor = at }
            case .choice(let options, let chosen):
                let shown = options.indices.contains(chosen) ? options[chosen] : "—"
                buffer.put("◀ \(shown) ▶", x: fieldX, y: y, style: index == focus ? theme.focusedField : theme.field,
                           maxWidth: fieldWidth)
                if index == focus { cursor = CursorPosition(x: fieldX + 2, y: y) }   // on the option shown
            }
        }
        let last = top + height - 1
        if error != nil {
            let lines = errorLines(width: width)
            for (row, line) in lines.enumerated() {
                buffer.put(line, x: x, y: last - lines.count + 1 + row, style: theme.error, maxWidth: width)
            }
        } else {
            let choice = fields.indices.contains(focus) && { if case .choice = fields[focus].kind { return true }; return false }()
            buffer.put("Entrée : valider · Tab : champ suivant · Échap : annuler" + (choice ? " · ←/→ : choisir" : ""),
                       x: x, y: last, style: theme.dim, maxWidth: width)
        }
        return cursor
    }
}
