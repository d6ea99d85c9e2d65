/// The selected row of a list: its moves (↑ ↓ PgUp PgDn, F7 F8; Home End where a screen binds
/// them to the first and last line), kept within the list, the rows in view, and how the row is
/// drawn so that every list says its selection the same way: « ▸ » in the margin left of the
/// row (in the text, for a braille display, `NO_COLOR` or a capture without attributes), the row
/// in reverse video, and the terminal's cursor on the row, where screen readers look for focus.
///
/// ```swift
/// if let moved = ListCursor.moved(selected, by: action, count: rows.count) { selected = moved; return .stay }
/// firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: tableRows)
/// if index == selected { cursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: theme.selected) }
/// ```
enum ListCursor {
    /// Rows a page move skips.
    static let page = 10

    /// The text mark of the selected row, drawn in the column left of it.
    static let mark = "▸"

    /// The new selection, or nil when `action` is not a move.
    static func moved(_ selected: Int, by action: KeyAction?, count: Int, page: Int = ListCursor.page) -> Int? {
        let last = max(count - 1, 0)
        switch action {
        case .ligneSuivante: return min(selected + 1, last)
        case .lignePrecedente: return max(selected - 1, 0)
        case .pageSuivante: return min(selected + page, last)
        case .pagePrecedente: return max(selected - page, 0)
        case .premiereLigne: return 0
        case .derniereLigne: return last
        default: return nil
        }
    }

    /// The first row to show so that `selected` is among the `visible` rows, moving `firstRow`
    /// as little as possible.
    static func firstRow(_ firstRow: Int, keeping selected: Int, visible: Int) -> Int {
        if selected < firstRow { return selected }
        if selected >= firstRow + max(visible, 1) { return selected - max(visible, 1) + 1 }
        return firstRow
    }

    /// Draws the selected row's background (`height` lines from `y`, `width` columns from `x`) and
    /// « ▸ » in the column left of `x`; returns where the terminal's cursor goes: the row's start.
    /// Draw the row's text after this call.
    @discardableResult
    static func drawSelection(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, height: Int = 1,
                              style: CellStyle) -> CursorPosition {
        buffer.fill(CellRect(x: x, y: y, width: width, height: height), style: style)
        buffer.put(mark, x: x - 1, y: y)
        return CursorPosition(x: x, y: y)
    }
}
