/// The styles of the screens, in one place. Colour is never the only signal: errors are also
/// bold and prefixed, the selected row is also reversed, so a monochrome terminal loses nothing.
package struct Theme: Sendable {
    var title = CellStyle(bold: true)
    var header = CellStyle(reverse: true)
    var label = CellStyle()
    var required = CellStyle(foreground: .yellow, bold: true)
    var field = CellStyle(underline: true)
    var focusedField = CellStyle(foreground: .black, background: .cyan, underline: true)
    var selected = CellStyle(reverse: true)
    var error = CellStyle(foreground: .red, bold: true)
    var notice = CellStyle(foreground: .green, bold: true)
    var dim = CellStyle(dim: true)
    var columnHeader = CellStyle(bold: true, underline: true)
    var keyLabel = CellStyle(reverse: true)

    static let standard = Theme()
}
