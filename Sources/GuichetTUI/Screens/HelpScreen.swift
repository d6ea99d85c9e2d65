/// The help (F1): every key of the screen it was opened from, generated from the active keymap.
final class HelpScreen: Screen {
    let content: HelpScreenContent
    let screenTitle: String
    private var offset = 0
    /// The rows the lines took at the last render (wrapped), for scrolling.
    private var lastRowCount = 0

    init(keymap: Keymap, context: KeymapContext, screenTitle: String, shown: Set<KeyAction>? = nil) {
        content = HelpScreenContent(keymap: keymap, context: context, shown: shown)
        self.screenTitle = screenTitle
    }

    var title: String { "Aide — \(screenTitle)" }
    var context: KeymapContext { .aide }
    var offeredActions: Set<KeyAction> { KeyAction.lineAndPageMoves.union([.retour, .annuler, .aide]) }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        buffer.put("Touches de l'écran « \(screenTitle) » :", x: 2, y: area.y + 1, style: theme.title, maxWidth: area.width - 4)
        let visible = area.height - 3
        // A long description wraps under itself, after the key column.
        let rows = content.lines.flatMap { WrappedText.lines($0, width: area.width - 6, hanging: content.keyColumnWidth) }
        lastRowCount = rows.count
        for (row, line) in rows.dropFirst(offset).prefix(visible).enumerated() {
            buffer.put(line, x: 4, y: area.y + 3 + row, maxWidth: area.width - 6)
        }
        return nil
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .retour, .annuler, .aide: return .pop
        case .pageSuivante, .ligneSuivante:
            offset = min(offset + (action == .pageSuivante ? 10 : 1), max(max(lastRowCount, content.lines.count) - 1, 0))
        case .pagePrecedente, .lignePrecedente:
            offset = max(offset - (action == .pagePrecedente ? 10 : 1), 0)
        default: break
        }
        return .stay
    }
}
