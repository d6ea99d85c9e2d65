/// A bindable key: a ``Key`` with its ``KeyModifiers``, named as in `keymap.conf`.
///
/// Names: `F1`...`F12`, `Enter`, `Esc`, `Tab`, `S-Tab`, `Up`, `Down`, `Left`, `Right`, `PgUp`,
/// `PgDn`, `Home`, `End`, `Insert`, `Delete`, `Backspace`, `Space`, `C-a`...`C-z`, `M-a`...`M-z`
/// (Alt with any character or named key), `S-` with a named key (`S-F1`), and any single printable
/// character (`q`, `é`, `?`). Named keys are case-insensitive; `C-i`, `C-m`, `C-j` and `C-h` are
/// the keys terminals send for them (Tab, Enter, Enter, Backspace).
///
/// ```swift
/// KeyStroke(name: "C-q")      // Ctrl-Q
/// KeyStroke(name: "F10")?.displayName   // "F10"
/// KeyStroke(event: .ctrl("q")) == KeyStroke(name: "C-q")   // true
/// ```
struct KeyStroke: Hashable, Sendable, Comparable, CustomStringConvertible {
    var key: Key
    var modifiers: KeyModifiers

    init(_ key: Key, modifiers: KeyModifiers = []) {
        if case .character(let character) = key, modifiers.contains(.control) {
            self.key = .character(Character(character.lowercased()))
        } else {
            self.key = key
        }
        self.modifiers = modifiers
    }

    /// The stroke of a key event; nil for a paste or a resize.
    init?(event: KeyEvent) {
        guard case .key(let key, let modifiers) = event else { return nil }
        self.init(key, modifiers: modifiers)
    }

    /// Parses a key name of `keymap.conf`; nil when the name is unknown.
    init?(name: String) {
        var rest = Substring(name)
        var modifiers: KeyModifiers = []
        while rest.count > 2, let dash = rest.dropFirst().first, dash == "-" {
            let prefix = rest.first!.lowercased()
            let modifier: KeyModifiers
            switch prefix {
            case "c": modifier = .control
            case "m": modifier = .alt
            case "s": modifier = .shift
            default: return nil
            }
            guard !modifiers.contains(modifier) else { return nil }
            modifiers.insert(modifier)
            rest = rest.dropFirst(2)
        }
        guard let key = Self.baseKey(named: String(rest)) else { return nil }

        if modifiers.contains(.control) {
            // Terminals only send Ctrl with letters.
            guard case .character(let letter) = key, let ascii = letter.lowercased().unicodeScalars.first,
                  letter.unicodeScalars.count == 1, ("a"..."z").contains(ascii) else { return nil }
            let others = modifiers.subtracting(.control)
            switch ascii {
            case "i" where others.isEmpty: self.init(.tab)
            case "m" where others.isEmpty, "j" where others.isEmpty: self.init(.enter)
            case "h" where others.isEmpty: self.init(.backspace)
            default: self.init(key, modifiers: modifiers)
            }
            return
        }
        if modifiers.contains(.shift) {
            if case .character = key { return nil }   // write the shifted character itself
            if key == .tab {
                // S-Tab is Shift-Tab, which terminals send as its own key.
                self.init(.backTab, modifiers: modifiers.subtracting(.shift))
                return
            }
        }
        self.init(key, modifiers: modifiers)
    }

    /// The name as written in `keymap.conf` (`F1`, `C-q`, `M-x`, `S-Tab`, `Space`, `q`).
    var name: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "C-" }
        if modifiers.contains(.alt) { prefix += "M-" }
        if modifiers.contains(.shift) { prefix += "S-" }
        return prefix + Self.baseName(of: key)
    }

    /// The name shown to counter staff, in French (`F1`, `Ctrl+Q`, `Alt+X`, `Maj+Tab`, `Échap`).
    var displayName: String {
        var prefix = ""
        if modifiers.contains(.control) { prefix += "Ctrl+" }
        if modifiers.contains(.alt) { prefix += "Alt+" }
        if modifiers.contains(.shift) { prefix += "Maj+" }
        let base: String
        switch key {
        case .character(" "): base = "Espace"
        case .character(let character):
            base = modifiers.isEmpty ? String(character) : character.uppercased()
        case .function(let number): base = "F\(number)"
        case .enter: base = "Entrée"
        case .tab: base = "Tab"
        case .backTab: base = "Maj+Tab"
        case .backspace: base = "Retour arr."
        case .delete: base = "Suppr"
        case .insert: base = "Inser"
        case .escape: base = "Échap"
        case .up: base = "↑"
        case .down: base = "↓"
        case .left: base = "←"
        case .right: base = "→"
        case .home: base = "Début"
        case .end: base = "Fin"
        case .pageUp: base = "Pg préc"
        case .pageDown: base = "Pg suiv"
        }
        return prefix + base
    }

    var description: String { name }

    /// The function-key number when the stroke is a plain F1...F12, for the function-key bar.
    var functionNumber: Int? {
        if case .function(let number) = key, modifiers.isEmpty { return number }
        return nil
    }

    /// Help-screen order: function keys, named keys, Ctrl-letters, Alt-keys, then characters.
    static func < (lhs: KeyStroke, rhs: KeyStroke) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int, Int, Int, String) {
        let modifierRank = Int(modifiers.rawValue)
        switch key {
        case .function(let number): return (0, modifierRank, number, "")
        case .character(let character):
            let group = modifiers.contains(.control) ? 2 : modifiers.contains(.alt) ? 3 : 4
            return (group, modifierRank, 0, String(character))
        default:
            let order = Self.namedKeys.firstIndex { $0.key == key } ?? 0
            return (1, modifierRank, order, "")
        }
    }

    // MARK: - Names

    /// Named keys in help-screen order, with their `keymap.conf` name.
    private static let namedKeys: [(name: String, key: Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("PgUp", .pageUp), ("PgDn", .pageDown), ("Home", .home), ("End", .end),
        ("Insert", .insert), ("Delete", .delete), ("Backspace", .backspace),
    ]

    /// Other accepted spellings.
    private static let aliases: [String: Key] = [
        "return": .enter, "escape": .escape, "backtab": .backTab, "pageup": .pageUp,
        "pagedown": .pageDown, "ins": .insert, "del": .delete, "space": .character(" "),
    ]

    private static func baseKey(named name: String) -> Key? {
        if name.count == 1, let character = name.first {
            guard let scalar = character.unicodeScalars.first,
                  !DisplayWidth.isControl(scalar), !character.isWhitespace else { return nil }
            return .character(character)
        }
        let lowercased = name.lowercased()
        if lowercased.hasPrefix("f"), let number = Int(lowercased.dropFirst()),
           (1...12).contains(number), !lowercased.dropFirst().hasPrefix("0"),
           !lowercased.dropFirst().hasPrefix("+") {
            return .function(number)
        }
        if let named = namedKeys.first(where: { $0.name.lowercased() == lowercased }) {
            return named.key
        }
        return aliases[lowercased]
    }

    private static func baseName(of key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .function(let number): return "F\(number)"
        default: return namedKeys.first { $0.key == key }?.name ?? "?"
        }
    }
}
