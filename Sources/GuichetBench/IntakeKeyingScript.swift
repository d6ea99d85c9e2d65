import GuichetTUI
import SIMSModel

/// Keys a paper form into an intake screen the way a trained agent does, and counts the keys.
///
/// From the field that has the focus, the fields whose screen value differs from the paper are
/// visited in the screen's order (``IntakeScreen/order``); each is reached by the cheapest of Tab,
/// Shift-Tab or Ctrl-G and its number then Enter (``KeyAction/allerAuChamp``), or by F10 when it
/// is the first required field left empty (the form is refused and the focus put there); the
/// paper's text replaces the value selected on entry (a value not selected is cleared with Ctrl-U,
/// ``KeyAction/effacerChamp``, first). Dates and phones are typed as
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
        keyInCounting(app, screen: screen).keys
    }

    /// Drives the application as ``keyIn(_:screen:)`` does; returns the keys pressed and, among
    /// them, the characters of the paper's new values.
    func keyInCounting(_ app: Application, screen: IntakeScreen) -> (keys: Int, characters: Int) {
        var keys = 0, characters = 0
        func press(_ event: KeyEvent) {
            _ = app.process(event)
            app.renderFrame()
            keys += 1
        }
        let fields = screen.procedure.fields
        let count = fields.count
        // Positions in the screen's order (on a renewal the fields that usually change come first).
        let order = screen.order
        let positionOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let start = positionOf[screen.focus] ?? 0
        for position in Array(start..<count) + Array(0..<start) {
            let index = order[position]
            let field = fields[index]
            let target = paper[field.key] ?? ""
            let shown = screen.inputs[field.key]?.text ?? ""
            guard !same(shown, target, field) else { continue }
            // F10 refuses a form with a required field left empty and puts the focus on the first
            // one: one key, when that field is the next to key and farther than one key away.
            let firstEmptyRequired = fields.firstIndex { $0.required && (screen.inputs[$0.key]?.text ?? "").isEmpty }
            let here = positionOf[screen.focus] ?? 0
            if firstEmptyRequired == index, cheapestWay(to: position, from: here, count: count, number: index + 1) > 1 {
                press(.function(10))
            }
            // Reach the field: Tab, Shift-Tab or Ctrl-G, its number, Enter; whichever is shorter.
            let now = positionOf[screen.focus] ?? 0
            let forward = (position - now + count) % count
            let backward = (now - position + count) % count
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
            // A filled field's value is selected on entry: typing replaces it. Only a value
            // left unselected (the agent moved in it) is cleared first.
            if !(screen.inputs[field.key]?.text ?? "").isEmpty, screen.inputs[field.key]?.isSelected != true { press(.ctrl("u")) }
            for character in typed(target, field) {
                press(.character(character))
                characters += 1
            }
        }
        press(.function(10))
        return (keys, characters)
    }

    /// The keys Tab, Shift-Tab or Ctrl-G (the field's `number`, Enter) take from the field at
    /// position `here` of the form to the one at `position`.
    private func cheapestWay(to position: Int, from here: Int, count: Int, number: Int) -> Int {
        min((position - here + count) % count, (here - position + count) % count, 2 + String(number).count)
    }

    /// The keys ``keyIn(_:screen:)`` presses on an empty form of `fields` whose focus is on the
    /// first field: each written field reached the cheapest way and typed, then F10.
    func keysFromScratch(_ fields: [ProcedureField]) -> Int {
        var keys = 0
        var here = 0
        for (index, field) in fields.enumerated() {
            let target = paper[field.key] ?? ""
            guard !target.isEmpty else { continue }
            keys += cheapestWay(to: index, from: here, count: fields.count, number: index + 1) + typed(target, field).count
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
