/// The screen a key binding applies in, as named in `keymap.conf` (`bind <context> <key> <action>`).
///
/// ``generic`` is the fallback: a key not bound in a screen's context is looked up there.
enum KeymapContext: String, Hashable, Sendable, CaseIterable {
    /// Bindings valid everywhere unless a screen's context overrides them.
    case generic
    /// The home screen (menu).
    case accueil
    /// Looking a tier up: the query field and the result list.
    case recherche
    /// A tier's record.
    case fiche
    /// Keying in a form (a tier or a dossier).
    case saisie
    /// The help screen.
    case aide

    /// The name used in `keymap.conf`.
    var name: String { rawValue }
}
