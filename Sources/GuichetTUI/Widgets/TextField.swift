import Foundation
/// A one-line text input: typing (accents, pasted text), cursor moves, deletion, and a
/// horizontal scroll when the text is wider than the field.
///
/// The line-editing keys (start and end of the field, delete a word, clear) are actions of
/// `keymap.conf` (``KeyAction/debutChamp`` …), passed in by the screen; the field has no key of
/// its own beyond typing, the arrows, Backspace and Delete. A paste that does not fit or holds
/// control characters is refused whole, with ``refusal`` saying why: nothing is cut or dropped
/// without the agent seeing it.
///
/// ```swift
/// var field = TextField(text: "Wamy")
/// field.handle(.character("t"))     // true: consumed
/// field.text                        // "Wamyt"
/// field.handle(.key(.home), action: .debutChamp)   // cursor at 0
/// ```
package struct TextField: Equatable {
    private(set) var characters: [Character]
    /// The cursor, as an index into ``characters`` (0 ... count).
    private(set) var cursor: Int
    var maxLength: Int
    /// Why the last key or paste was refused (French, for the message line), or nil.
    private(set) var refusal: String?
    /// Whether the whole text is selected (``selectAll()``): what is typed or pasted next
    /// replaces it, Backspace or Delete clears it, any other key keeps it and moves as usual.
    package private(set) var isSelected = false

    init(text: String = "", maxLength: Int = 200) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    package var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            isSelected = false
        }
    }

    var isEmpty: Bool { characters.isEmpty }

    /// Selects the whole text, as a browser does when Tab enters a filled form field: typing
    /// then replaces the value instead of adding to it. An empty field has nothing to select.
    mutating func selectAll() {
        isSelected = !characters.isEmpty
        cursor = characters.count
    }

    /// The actions of `keymap.conf` that edit a field's line.
    static let editingActions: Set<KeyAction> = [.debutChamp, .finChamp, .effacerMot, .effacerChamp, .effacerFin]

    /// Applies an editing key; returns whether the key was for the field (a refused paste is
    /// consumed: ``refusal`` then says why).
    @discardableResult
    mutating func handle(_ event: KeyEvent, action: KeyAction? = nil) -> Bool {
        refusal = nil
        if isSelected {
            isSelected = false
            switch event {
            case .key(.character, let modifiers) where modifiers.isEmpty && action == nil:
                characters.removeAll()
                cursor = 0
            case .paste:
                characters.removeAll()
                cursor = 0
            case .key(.backspace, _), .key(.delete, _):
                characters.removeAll()
                cursor = 0
                return true
            default:
                break
            }
        }
        if let action, Self.editingActions.contains(action) {
            edit(action)
            return true
        }
        switch event {
        case .key(.character(let c), let modifiers) where modifiers.isEmpty:
            guard characters.count < maxLength else {
                refusal = "Champ plein : \(maxLength) caractères au plus ; « \(c) » n'a pas été ajouté."
                return true
            }
            insert(String(c))
        case .paste(let text):
            // A pasted address keeps its words; line breaks and tabs become spaces.
            let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
            if let problem = Self.pasteRefusal(flat, length: characters.count, maxLength: maxLength) {
                refusal = problem
                return true
            }
            insert(flat)
        case .key(.backspace, _):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .key(.delete, _):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case .key(.left, _):
            cursor = max(cursor - 1, 0)
        case .key(.right, _):
            cursor = min(cursor + 1, characters.count)
        default:
            return false
        }
        return true
    }

    private mutating func edit(_ action: KeyAction) {
        switch action {
        case .debutChamp:
            cursor = 0
        case .finChamp:
            cursor = characters.count
        case .effacerMot:
            // The word before the cursor, and the spaces between it and the cursor.
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .effacerChamp:
            characters.removeAll()
            cursor = 0
        case .effacerFin:
            characters.removeSubrange(cursor..<characters.count)
        default:
            break
        }
    }

    /// Why a paste of `text` into a field holding `length` characters (at most `maxLength`) is
    /// refused, or nil when it fits: « Collage refusé : texte trop long : 10 000 caractères, 120 au plus. »
    static func pasteRefusal(_ text: String, length: Int, maxLength: Int) -> String? {
        if let scalar = text.unicodeScalars.first(where: { DisplayWidth.isControl($0) }) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "Collage refusé : le texte contient un caractère de contrôle (U+"
                + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "). Copiez le texte sans mise en forme ou tapez-le."
        }
        let count = text.count
        guard length + count > maxLength else { return nil }
        let room = maxLength - length
        return "Collage refusé : texte trop long : \(grouped(count)) caractères, \(grouped(maxLength)) au plus"
            + (length > 0 ? " (le champ en contient déjà \(grouped(length)), reste \(grouped(max(room, 0))))." : ".")
    }

    /// `10000` → « 10 000 » (French grouping, with a narrow no-break space).
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: "\u{202F}")
    }

    private mutating func insert(_ text: String) {
        let added = Array(text)
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
    }

    /// Draws the field at (x, y) over `width` columns; returns where the cursor goes. A field
    /// without the focus shows its beginning, ending with « … » when longer than the field.
    @discardableResult
    func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: CellStyle,
                focused: Bool = true) -> CursorPosition {
        buffer.fill(CellRect(x: x, y: y, width: width, height: 1), style: style)
        if focused, isSelected {
            // The selected value in reverse: what is typed next replaces it.
            var selected = style
            selected.reverse.toggle()
            let shown = buffer.put(text, x: x, y: y, style: selected, maxWidth: width - 1)
            return CursorPosition(x: shown, y: y)
        }
        if !focused {
            buffer.put(text, x: x, y: y, style: style, maxWidth: width)
            return CursorPosition(x: x, y: y)
        }
        // Scroll so that the cursor stays visible, keeping one column for it at the end.
        var start = 0
        var before = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while before > width - 1, start < cursor {
            before -= DisplayWidth.of(characters[start])
            start += 1
        }
        buffer.put(String(characters[start...]), x: x, y: y, style: style, maxWidth: width, overflow: .clip)
        return CursorPosition(x: x + before, y: y)
    }
}
