/// The answer to a question asked with « (o/n) »: o or O is yes, n, N, Esc or the key of
/// « annuler » (F12) is no.
///
/// ```swift
/// guard let yes = YesNoAnswer.read(event) else { session.message = YesNoAnswer.reminder; return .stay }
/// ```
enum YesNoAnswer {
    /// True for yes, false for no, nil for any other key.
    static func read(_ event: KeyEvent, action: KeyAction? = nil) -> Bool? {
        if action == .annuler { return false }
        switch event {
        case .key(.character("o"), _), .key(.character("O"), _): return true
        case .key(.character("n"), _), .key(.character("N"), _), .key(.escape, _): return false
        default: return nil
        }
    }

    /// What to say when another key was pressed.
    static let reminder = StatusMessage.info("Répondez o (oui) ou n (non).")
}
