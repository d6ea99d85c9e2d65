import SIMSModel

/// What every screen shares: the store, the logged-in agent, the keymap, the clock, and the
/// message line.
final class AppSession {
    let store: SIMSStore
    let agent: Agent
    let keymap: Keymap
    let clock: SIMSClock
    /// The message shown above the function-key bar until the next key.
    var message: StatusMessage?

    init(store: SIMSStore, agent: Agent, keymap: Keymap, clock: SIMSClock? = nil) {
        self.store = store
        self.agent = agent
        self.keymap = keymap
        self.clock = clock ?? store.clock
    }

    /// The keys bound to an action in a context, as shown to agents (« F10 »), for hints.
    func keyName(_ action: KeyAction, in context: KeymapContext) -> String {
        keymap.keys(for: action, in: context).first?.displayName ?? "?"
    }
}
