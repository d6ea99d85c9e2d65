/// The selected row of a list after a line or page move (↑ ↓ PgUp PgDn, F7 F8; Home End where
/// a screen binds them to the first and last line), kept within the list.
///
/// ```swift
/// if let moved = ListCursor.moved(selected, by: action, count: rows.count) { selected = moved; return .stay }
/// ```
enum ListCursor {
    /// Rows a page move skips.
    static let page = 10

    /// The new selection, or nil when `action` is not a move.
    static func moved(_ selected: Int, by action: KeyAction?, count: Int) -> Int? {
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
}
