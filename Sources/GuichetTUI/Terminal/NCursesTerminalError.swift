import SIMSModel

/// Why the ncurses terminal could not start.
package enum NCursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses does not know the terminal type (a bad `TERM`).
    case unknownTerminal(String)
    /// `TERM` is not set (or empty): no terminal type to start.
    case unsetTerminal
    /// The terminal type cannot move the cursor (`TERM=dumb`): no screen can be drawn on it.
    case cannotDrawOn(String)
    /// The pipe used to count output bytes could not be created.
    case cannotCountBytes

    /// What to do about a missing, unknown or unusable `TERM`.
    static let remedy = "Lancez Guichet dans un terminal (xterm, GNOME Terminal, tmux…) ou définissez TERM selon le "
        + "vôtre, par exemple : export TERM=xterm-256color"

    /// The message shown to the user, in French.
    package var description: String {
        switch self {
        case .unknownTerminal(let type):
            return "Impossible d'ouvrir le terminal « \(ShownText.escaped(type, limit: 60)) » : ce type de terminal est inconnu. "
                + Self.remedy
        case .unsetTerminal:
            return "La variable TERM n'est pas définie : Guichet ne sait pas quel terminal dessiner. " + Self.remedy
        case .cannotDrawOn(let type):
            return "Le terminal « \(ShownText.escaped(type, limit: 60)) » ne sait pas placer le curseur : Guichet ne peut pas "
                + "y dessiner ses écrans. " + Self.remedy
        case .cannotCountBytes:
            return "Impossible de compter les octets écrits : création du tube refusée par le système."
        }
    }
}
