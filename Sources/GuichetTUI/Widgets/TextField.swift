/// A one-line text input: typing (accents, pasted text), cursor moves, deletion, and a
/// horizontal scroll when the text is wider than the field.
///
/// ```swift
/// var field = TextField(text: "Wamy")
/// field.handle(.character("t"))     // true: consumed
/// field.text                        // "Wamyt"
/// ```
struct TextField: Equatable {
    private(set) var characters: [Character]
    /// The cursor, as an index into ``characters`` (0 ... count).
    private(set) var cursor: Int
    var maxLength: Int

    init(text: String = "", maxLength: Int = 200) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    var isEmpty: Bool { characters.isEmpty }

    /// Applies an editing key; returns whether the key was for the field.
    @discardableResult
    mutating func handle(_ event: KeyEvent) -> Bool {
        switch event {
        case .key(.character(let c), let modifiers) where modifiers.isEmpty:
            insert(String(c))
        case .paste(let text):
            // A pasted address keeps its words; line breaks become spaces.
            insert(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                       .replacingOccurrences(of: "\t", with: " "))
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
        case .key(.home, _), .key(.character("a"), modifiers: .control):
            cursor = 0
        case .key(.end, _), .key(.character("e"), modifiers: .control):
            cursor = characters.count
        case .key(.character("u"), modifiers: .control):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .key(.character("k"), modifiers: .control):
            characters.removeSubrange(cursor..<characters.count)
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ text: String) {
        let room = maxLength - characters.count
        guard room > 0 else { return }
        let added = Array(text.prefix(room))
        characters.insert(contentsOf: added, at: cursor)
        cursor += added.count
    }

    /// Draws the field at (x, y) over `width` columns; returns where the cursor goes.
    @discardableResult
    func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: CellStyle) -> CursorPosition {
        buffer.fill(CellRect(x: x, y: y, width: width, height: 1), style: style)
        // Scroll so that the cursor stays visible, keeping one column for it at the end.
        var start = 0
        var before = characters[0..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
        while before > width - 1, start < cursor {
            before -= DisplayWidth.of(characters[start])
            start += 1
        }
        buffer.put(String(characters[start...]), x: x, y: y, style: style, maxWidth: width)
        return CursorPosition(x: x + before, y: y)
    }
}
