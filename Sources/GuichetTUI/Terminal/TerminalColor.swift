/// The small colour palette screens may use: the eight ANSI colours plus the terminal's default.
///
/// Screens should not rely on colour alone: on a monochrome terminal (or with `NO_COLOR`)
/// colours are dropped, see ``ColorMode``.
enum TerminalColor: Int, Hashable, Sendable, CaseIterable {
    /// The terminal's own foreground or background colour.
    case `default` = -1
    case black = 0
    case red = 1
    case green = 2
    case yellow = 3
    case blue = 4
    case magenta = 5
    case cyan = 6
    case white = 7

    /// The curses colour number (`COLOR_BLACK` ... `COLOR_WHITE`), or -1 for the default colour.
    var cursesNumber: Int16 { Int16(rawValue) }
}
