/// The columns of the search results table at 80 columns: name, birth date or RIDET, commune,
/// phone, verification.
struct ResultColumns {
    let x: Int
    static let widths = [31, 15, 13, 9, 8]

    func draw(into buffer: inout CellBuffer, y: Int, values: [String], style: CellStyle) {
        var column = x
        for (value, width) in zip(values, Self.widths) {
            buffer.put(WrappedText.fitted(value, width: width - 1), x: column, y: y, style: style, maxWidth: width - 1)
            column += width
        }
    }
}
