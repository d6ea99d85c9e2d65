/// The screen a key binding applies in, as named in `keymap.conf` (`bind <context> <key> <action>`).
///
/// ``generic`` is the fallback: a key not bound in a screen's context is looked up there.
package enum KeymapContext: String, Hashable, Sendable, CaseIterable {
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
    /// The procedure catalogue and a procedure's fiche pratique.
    case catalogue
    /// Keying a dossier: its fields and its pieces checklist.
    case dossier
    /// The récépissé of a submitted dossier.
    case recepisse
    /// A scan in progress.
    case numerisation
    /// Files dropped by network scanners, waiting to be attached.
    case arrivees
    /// The documents of a tier or a dossier, searchable by their text.
    case documents
    /// The superviseur's dashboard.
    case tableau
    /// The review queues: filters, sorting, « prendre le suivant », reassignment.
    case file
    /// A submitted dossier under review: its tabs and the actions allowed.
    case instruction
    /// The review queue of likely duplicates and a pair side by side (superviseurs).
    case doublons
    /// The persons without activity, to erase or keep (superviseurs).
    case inactifs
    /// The help screen.
    case aide

    /// The name used in `keymap.conf`.
    var name: String { rawValue }
}
