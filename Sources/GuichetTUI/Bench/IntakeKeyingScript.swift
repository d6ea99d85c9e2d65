import SIMSModel

/// Keys a paper form into an intake screen the way an agent does, and counts the keys: for each
/// field in form order, starting where the form put the focus, Tab when the field already shows the paper's value, else Ctrl-U (when
/// something must be cleared), the paper's text, then Tab; F10 at the end. A field showing the
/// same value written differently (« Wamytan » for « WAMYTAN », « 25.12.34 » for « 251234 »:
/// the same once checked, case and accents aside) is left as it is, as an agent would.
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
        // From the field that has the focus, round the form once.
        let fields = screen.procedure.fields
        let start = screen.focus
        for field in fields[start...] + fields[..<start] {
            let target = paper[field.key] ?? ""
            let shown = screen.inputs[field.key]?.text ?? ""
            if !same(shown, target, field) {
                if !shown.isEmpty { press(.ctrl("u")) }
                for character in target { press(.character(character)) }
            }
            press(.key(.tab))
        }
        press(.function(10))
        return keys
    }

    private func same(_ shown: String, _ target: String, _ field: ProcedureField) -> Bool {
        if shown == target { return true }
        let a = try? ProcedureAnswerValidator.normalize(shown, for: field, today: today)
        let b = try? ProcedureAnswerValidator.normalize(target, for: field, today: today)
        guard let a, let b else { return false }
        return SearchText.fold(a) == SearchText.fold(b)   // « WAMYTAN » on paper, « Wamytan » on screen
    }
}
