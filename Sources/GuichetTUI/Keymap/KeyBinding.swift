/// One line of a keymap: in `context`, `key` triggers `action`.
struct KeyBinding: Hashable, Sendable {
    var context: KeymapContext
    var key: KeyStroke
    var action: KeyAction

    init(context: KeymapContext, key: KeyStroke, action: KeyAction) {
        self.context = context
        self.key = key
        self.action = action
    }
}
