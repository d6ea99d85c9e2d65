/// Why the ncurses terminal could not start.
enum NCursesTerminalError: Error, Equatable, CustomStringConvertible {
    /// ncurses does not know the terminal type (bad or missing `TERM`).
    case unknownTerminal(String)
    /// The pipe used to count output bytes could not be created.
    case cannotCountBytes

    /// The message shown to the user, in French.
    var description: String {
        switch self {
        case .unknownTerminal(let type):
            return "Impossible d'ouvrir le terminal « \(type) » : vérifiez la variable TERM."
        case .cannotCountBytes:
            return "Impossible de compter les octets écrits : création du tube refusée par le système."
        }
    }
}
