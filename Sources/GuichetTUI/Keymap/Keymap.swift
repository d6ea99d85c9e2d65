/// Key bindings per context, read from a tig-style file, with a `generic` fallback.
///
/// The file has one binding per line, `bind <context> <key> <action>`, `#` comments and blank
/// lines. The action `aucune` unbinds a key (to cancel a default, or a generic binding in one
/// context). Lookup falls back on ``KeymapContext/generic``.
///
/// ```swift
/// let user = try Keymap.parse("bind saisie C-s enregistrer\n", fileName: "keymap.conf")
/// let keymap = Keymap.merged(DefaultKeymap.keymap, user)
/// keymap.action(for: .ctrl("s"), in: .saisie)        // .enregistrer
/// keymap.action(for: .function(1), in: .saisie)      // .aide, from generic
/// ```
package struct Keymap: Hashable, Sendable {
    /// For each context, each bound key and its action; a nil action unbinds the key (`aucune`).
    private var table: [KeymapContext: [KeyStroke: KeyAction?]] = [:]

    /// The word that unbinds a key in `keymap.conf`.
    static let unbindActionName = "aucune"

    /// An empty keymap.
    init() {}

    /// Binds `key` to `action` in `context`, replacing any binding; a nil action unbinds the key.
    mutating func bind(_ key: KeyStroke, to action: KeyAction?, in context: KeymapContext) {
        table[context, default: [:]][key] = .some(action)
    }

    /// The action of a key event in a context, falling back on `generic`; nil when unbound.
    func action(for event: KeyEvent, in context: KeymapContext) -> KeyAction? {
        guard let key = KeyStroke(event: event) else { return nil }
        return action(for: key, in: context)
    }

    /// The action of a key in a context, falling back on `generic`; nil when unbound.
    func action(for key: KeyStroke, in context: KeymapContext) -> KeyAction? {
        if let entry = table[context]?[key] { return entry }
        if context != .generic, let entry = table[.generic]?[key] { return entry }
        return nil
    }

    /// The bindings in effect in a context: the context's own, then the generic ones it does not
    /// override, each group in help-screen order (function keys first). For the help screen and
    /// the function-key bar.
    func bindings(in context: KeymapContext) -> [KeyBinding] {
        let own = table[context] ?? [:]
        var result = Self.sortedBindings(own, context: context)
        if context != .generic {
            let inherited = (table[.generic] ?? [:]).filter { own[$0.key] == nil }
            result += Self.sortedBindings(inherited, context: .generic)
        }
        return result
    }

    /// The keys that trigger `action` in a context (to tell the user « F10 pour enregistrer »).
    func keys(for action: KeyAction, in context: KeymapContext) -> [KeyStroke] {
        bindings(in: context).filter { $0.action == action }.map(\.key)
    }

    /// `defaults` with every binding of `overrides` applied on top (same context and key: the
    /// override wins; an override to `aucune` removes the default).
    static func merged(_ defaults: Keymap, _ overrides: Keymap) -> Keymap {
        var result = defaults
        for (context, entries) in overrides.table {
            for (key, action) in entries {
                result.bind(key, to: action, in: context)
            }
        }
        return result
    }

    private static func sortedBindings(_ entries: [KeyStroke: KeyAction?], context: KeymapContext) -> [KeyBinding] {
        entries.compactMap { key, action in action.map { KeyBinding(context: context, key: key, action: $0) } }
            .sorted { $0.key < $1.key }
    }

    // MARK: - Parsing

    /// Parses a keymap file; the first problem found is thrown with its line number.
    ///
    /// - Parameter fileName: the name used in error messages (`keymap.conf`, or a path).
    static func parse(_ text: String, fileName: String) throws(KeymapError) -> Keymap {
        var keymap = Keymap()
        var firstLines: [KeymapContext: [KeyStroke: Int]] = [:]
        var lineNumber = 0
        // "\r\n" is a single Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for rawLine in lines {
            lineNumber += 1
            let words = rawLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let command = words.first, !command.hasPrefix("#") else { continue }
            func fail(_ kind: KeymapErrorKind) -> KeymapError {
                KeymapError(fileName: fileName, line: lineNumber, kind: kind)
            }
            guard command == "bind" else { throw fail(.unknownCommand(command)) }
            guard words.count >= 4 else { throw fail(.missingFields) }
            if words.count > 4, !words[4].hasPrefix("#") {
                throw fail(.extraText(words[4...].joined(separator: " ")))
            }
            guard let context = KeymapContext(rawValue: words[1]) else { throw fail(.unknownContext(words[1])) }
            guard let key = KeyStroke(name: words[2]) else { throw fail(.unknownKey(words[2])) }
            let action: KeyAction?
            if words[3] == unbindActionName {
                action = nil
            } else if let known = KeyAction(rawValue: words[3]) {
                action = known
            } else {
                throw fail(.unknownAction(words[3]))
            }
            if let firstLine = firstLines[context]?[key] {
                throw fail(.duplicateBinding(key: words[2], context: context, firstLine: firstLine))
            }
            firstLines[context, default: [:]][key] = lineNumber
            keymap.bind(key, to: action, in: context)
        }
        return keymap
    }
}
