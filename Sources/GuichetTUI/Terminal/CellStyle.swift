/// How one cell is drawn: colours and video attributes.
///
/// ```swift
/// let title = CellStyle(bold: true)
/// let selected = CellStyle(reverse: true)
/// let error = CellStyle(foreground: .red, bold: true)
/// ```
struct CellStyle: Hashable, Sendable {
    var foreground: TerminalColor
    var background: TerminalColor
    var bold: Bool
    var reverse: Bool
    var underline: Bool
    var dim: Bool

    init(
        foreground: TerminalColor = .default,
        background: TerminalColor = .default,
        bold: Bool = false,
        reverse: Bool = false,
        underline: Bool = false,
        dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// Default colours, no attribute.
    static let plain = CellStyle()

    /// Reverse video, e.g. the selected line or a function-key label.
    static let reversed = CellStyle(reverse: true)

    /// Bold text, e.g. a title.
    static let emphasized = CellStyle(bold: true)

    /// Whether the style uses a colour other than the terminal's defaults.
    var hasColor: Bool { foreground != .default || background != .default }
}
