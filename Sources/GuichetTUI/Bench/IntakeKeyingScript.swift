import SIMSModel

/// Keys a paper form into an intake screen the way a trained agent does, and counts the keys.
///
/// From the field that has the focus, the fields whose screen value differs from the paper are
/// visited in form order; each is reached by the cheapest of Tab, Shift-Tab or Ctrl-G and its
/// number then Enter (``KeyAction/allerAuChamp``), or by F10 when it is the first required field
/// left empty (the form is refused and the focus put there); a value on screen is cleared with Ctrl-U
/// (``KeyAction/effacerChamp``) before the paper's text is typed. Dates and phones are typed as
/// bare digits (`14031985`… `140385`, `784512`) and yes/no as its letter, in both the prefilled
/// and the from-scratch runs. F10 ends. A field showing the same value written differently
/// (« Wamytan » for « WAMYTAN », « 25.12.34 » for « 251234 »: the same once checked, case and
/// accents aside) is left as it is, as an agent would. Nothing is confirmed for the agent: every
/// prefilled value stays on screen until F10.
struct IntakeKeyingScript {
    /// The paper form: the text the citizen wrote, by field key.
    var paper: [String: String]
    var today: CalendarDate

    /// Drives the application (whose top screen is the intake) and returns the keys pressed.
    func keyIn(_ app: Application, screen: IntakeScreen) -> Int {
        var keys = 0
        func press(_ event: KeyEvent) {
            _ = app.process(event)
            app.renderFrame()
            keys += 1
        }
        let fields = screen.procedure.fields
        let count = fields.count
        let start = screen.focus
        let order = Array(start..<count) + Array(0..<start)
        for index in order {
            let field = fields[index]
            let target = paper[field.key] ?? ""
            let shown = screen.inputs[field.key]?.text ?? ""
            guard !same(shown, target, field) else { continue }
            // F10 refuses a form with a required field left empty and puts the focus on the first
            // one: one key, when that field is the next to key and farther than one key away.
            let firstEmptyRequired = fields.firstIndex { $0.required && (screen.inputs[$0.key]?.text ?? "").isEmpty }
            if firstEmptyRequired == index, cheapestWay(to: index, from: screen.focus, count: count) > 1 {
                press(.function(10))
            }
            // Reach the field: Tab, Shift-Tab or Ctrl-G, its number, Enter; whichever is shorter.
            let here = screen.focus
            let forward = (index - here + count) % count
            let backward = (here - index + count) % count
            let jump = 2 + String(index + 1).count
            if forward <= min(backward, jump) {
                for _ in 0..<forward { press(.key(.tab)) }
            } else if backward <= jump {
                for _ in 0..<backward { press(.key(.backTab)) }
            } else {
                press(.ctrl("g"))
                for digit in String(index + 1) { press(.character(digit)) }
                press(.key(.enter))
            }
            if !(screen.inputs[field.key]?.text ?? "").isEmpty { press(.ctrl("u")) }
            for character in typed(target, field) { press(.character(character)) }
        }
        press(.function(10))
        return keys
    }

    /// The keys Tab, Shift-Tab or Ctrl-G (its number, Enter) take from field `here` to field `index`.
    private func cheapestWay(to index: Int, from here: Int, count: Int) -> Int {
        min((index - here + count) % count, (here - index + count) % count, 2 + String(index + 1).count)
    }

    /// The keys ``keyIn(_:screen:)`` presses on an empty form of `fields` whose focus is on the
    /// first field: each written field reached the cheapest way and typed, then F10.
    func keysFromScratch(_ fields: [ProcedureField]) -> Int {
        var keys = 0
        var here = 0
        for (index, field) in fields.enumerated() {
            let target = paper[field.key] ?? ""
            guard !target.isEmpty else { continue }
            keys += cheapestWay(to: index, from: here, count: fields.count) + typed(target, field).count
            here = index
        }
        return keys + 1
    }

    /// What the agent types for the paper's text: dates and phones as bare digits (when they are
    /// read back as the same value), yes/no as its first letter, anything else as written.
    func typed(_ text: String, _ field: ProcedureField) -> String {
        var candidates: [String] = []
        switch field.type {
        case .date, .tierField(.birthDate):
            if let stored = try? ProcedureAnswerValidator.normalize(text, for: field, today: today),
               let date = CalendarDate(iso: stored) {
                let day = String(date.day).leftPadded(2) + String(date.month).leftPadded(2)
                candidates = [day + String(date.year % 100).leftPadded(2), day + String(date.year)]
            }
        case .tierField(.phone):
            candidates = [text.filter(\.isNumber)]
        case .yesNo:
            candidates = [String(text.prefix(1))]
        default:
            break
        }
        return candidates.first { same($0, text, field) } ?? text
    }

    func same(_ shown: String, _ target: String, _ field: ProcedureField) -> Bool {
        if shown == target { return true }
        let a = try? ProcedureAnswerValidator.normalize(shown, for: field, today: today)
        let b = try? ProcedureAnswerValidator.normalize(target, for: field, today: today)
        guard let a, let b else { return false }
        return SearchText.fold(a) == SearchText.fold(b)   // « WAMYTAN » on paper, « Wamytan » on screen
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
