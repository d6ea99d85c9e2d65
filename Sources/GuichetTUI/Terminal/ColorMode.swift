/// Whether the terminal draws colours, and how styles are reduced when it does not.
///
/// The decision is a pure function of the environment and of what the terminal can do, so it is
/// tested without a terminal: `NO_COLOR` (https://no-color.org) set to a non-empty value, or a
/// terminal without colours, gives ``monochrome``.
enum ColorMode: Hashable, Sendable {
    /// Colours as the screens asked.
    case color
    /// No colour at all: bold, reverse, underline and dim only.
    case monochrome

    /// Chooses the mode from the environment and the terminal's capabilities.
    ///
    /// ```swift
    /// ColorMode.decide(environment: ["NO_COLOR": "1"], terminalHasColors: true)  // .monochrome
    /// ```
    static func decide(environment: [String: String], terminalHasColors: Bool) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        return terminalHasColors ? .color : .monochrome
    }

    /// The style actually drawn in this mode.
    ///
    /// In monochrome, colours are dropped; a coloured background becomes reverse video (so a
    /// highlighted line stays visible) and a coloured foreground becomes bold (so an error or a
    /// warning still stands out).
    func resolve(_ style: CellStyle) -> CellStyle {
        guard self == .monochrome, style.hasColor else { return style }
        var resolved = style
        resolved.foreground = .default
        resolved.background = .default
        if style.background != .default {
            resolved.reverse = true
        } else if style.foreground != .default {
            resolved.bold = true
        }
        return resolved
    }
}
