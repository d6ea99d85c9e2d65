/// One input event from the terminal: a key press, a bracketed paste, or a resize.
///
/// ```swift
/// switch event {
/// case .key(.character(let c), []): field.insert(c)
/// case .key(.function(10), _): save()
/// case .paste(let text): field.insert(contentsOf: text)
/// case .resize: relayout()
/// default: break
/// }
/// terminal.send(.ctrl("q"), .function(1), .character("é"))   // in tests
/// ```
package enum KeyEvent: Hashable, Sendable {
    /// A key, with the modifiers held (empty for a plain key).
    case key(Key, modifiers: KeyModifiers = [])
    /// Text pasted by the terminal in one piece (bracketed paste); line breaks are "\n".
    case paste(String)
    /// The terminal changed size: re-read ``Terminal/size`` and render again.
    case resize
}

extension KeyEvent {
    static let enter = KeyEvent.key(.enter)
    static let tab = KeyEvent.key(.tab)
    static let backTab = KeyEvent.key(.backTab)
    package static let backspace = KeyEvent.key(.backspace)
    static let delete = KeyEvent.key(.delete)
    static let insert = KeyEvent.key(.insert)
    static let escape = KeyEvent.key(.escape)
    static let up = KeyEvent.key(.up)
    static let down = KeyEvent.key(.down)
    static let left = KeyEvent.key(.left)
    static let right = KeyEvent.key(.right)
    static let home = KeyEvent.key(.home)
    static let end = KeyEvent.key(.end)
    static let pageUp = KeyEvent.key(.pageUp)
    static let pageDown = KeyEvent.key(.pageDown)

    /// A plain character key.
    package static func character(_ character: Character) -> KeyEvent { .key(.character(character)) }

    /// Function key F`number`.
    package static func function(_ number: Int) -> KeyEvent { .key(.function(number)) }

    /// Ctrl with a letter (stored lowercase): `.ctrl("q")` is Ctrl-Q.
    package static func ctrl(_ letter: Character) -> KeyEvent {
        .key(.character(Character(letter.lowercased())), modifiers: .control)
    }

    /// Alt (Meta) with a character: `.alt("x")` is Alt-X as typed without Shift.
    static func alt(_ character: Character) -> KeyEvent {
        .key(.character(character), modifiers: .alt)
    }

    /// The key, when the event is a key press.
    var key: Key? {
        if case .key(let key, _) = self { return key }
        return nil
    }

    /// The modifiers, when the event is a key press (empty otherwise).
    var modifiers: KeyModifiers {
        if case .key(_, let modifiers) = self { return modifiers }
        return []
    }

    /// The character a text field should insert for this event, if it is a plain character key.
    var typedCharacter: Character? {
        if case .key(.character(let character), let modifiers) = self, modifiers.subtracting(.shift).isEmpty {
            return character
        }
        return nil
    }
}

extension KeyEvent: CustomStringConvertible {
    /// A short readable form for logs and test failures: `F10`, `C-q`, `M-x`, `é`, `paste("…")`, `resize`.
    package var description: String {
        switch self {
        case .key(let key, let modifiers): KeyStroke(key, modifiers: modifiers).name
        case .paste(let text): "paste(\(String(reflecting: text)))"
        case .resize: "resize"
        }
    }
}
