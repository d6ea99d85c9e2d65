/// The lines of the help screen for a context: each key in effect, its label and what it does.
///
/// Generated from the keymap, like the ``FunctionKeyBar``, so the help never disagrees with the
/// keys. The screen's own keys come first, then the generic ones it does not override.
///
/// ```swift
/// HelpScreenContent(keymap: keymap, context: .fiche).lines.first
/// // "F1       Aide : afficher cette aide"
/// ```
struct HelpScreenContent: Hashable, Sendable {
    /// The context the help is about.
    let context: KeymapContext
    /// The bindings listed, in order.
    let bindings: [KeyBinding]
    /// The width of the key column (at least 9, so « F1 » is followed by 7 spaces).
    let keyColumnWidth: Int

    /// - Parameter shown: the actions the screen answers now (``Screen/shownActions``); the keys
    ///   bound to others are left out. Nil: every binding of the context.
    init(keymap: Keymap, context: KeymapContext, shown: Set<KeyAction>? = nil) {
        self.context = context
        bindings = keymap.bindings(in: context).filter { shown?.contains($0.action) ?? true }
        let longest = bindings.map { DisplayWidth.of($0.key.displayName) }.max() ?? 0
        keyColumnWidth = max(9, longest + 1)
    }

    /// One line per binding: « F1       Aide : afficher cette aide ».
    var lines: [String] {
        bindings.map { Self.line(for: $0, in: context, keyColumnWidth: keyColumnWidth) }
    }

    /// The line for one binding on the screens of `context`, the key name padded to
    /// `keyColumnWidth` columns.
    static func line(for binding: KeyBinding, in context: KeymapContext, keyColumnWidth: Int = 9) -> String {
        let key = binding.key.displayName
        let padding = String(repeating: " ", count: max(1, keyColumnWidth - DisplayWidth.of(key)))
        return key + padding + binding.action.label + " : " + binding.action.helpDescription(in: context)
    }
}
