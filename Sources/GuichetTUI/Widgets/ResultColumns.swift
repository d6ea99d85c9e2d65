/// The columns of the search results table: name, birth date or RIDET, commune, phone,
/// verification. The name column takes whatever a wider terminal gives (31 columns at 80).
struct ResultColumns {
    let x: Int
    /// The table's whole width.
    var width: Int = 78
    /// The columns after the name, at any width.
    static let fixedWidths = [15, 13, 9, 8]

    /// The name column's width, then the others.
    var widths: [Int] { [max(31, width - 2 - Self.fixedWidths.reduce(0, +))] + Self.fixedWidths }

    func draw(into buffer: inout CellBuffer, y: Int, values: [String], style: CellStyle) {
        var column = x
        for (value, width) in zip(values, widths) {
            buffer.put(value, x: column, y: y, style: style, maxWidth: width - 1)
            column += width
        }
    }
}
