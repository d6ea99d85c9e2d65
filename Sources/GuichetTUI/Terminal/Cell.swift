/// One character cell of a ``CellBuffer``: a grapheme and its style.
///
/// A wide (East Asian) character occupies two cells: the first holds the grapheme, the second is
/// a *continuation* cell with an empty grapheme. A combining accent never takes a cell of its own:
/// a decomposed "é" (`e` + U+0301) is one grapheme in one cell.
struct Cell: Hashable, Sendable {
    /// The grapheme drawn in the cell; empty for the right half of a wide character.
    var grapheme: String
    /// The cell's colours and attributes.
    var style: CellStyle

    init(_ grapheme: String, style: CellStyle = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// A space in the plain style.
    static let blank = Cell(" ")

    /// The right half of a wide character.
    static func continuation(style: CellStyle) -> Cell { Cell("", style: style) }

    /// Whether this cell is the right half of a wide character.
    var isContinuation: Bool { grapheme.isEmpty }
}
