import SIMSModel

/// The history of one field of a tier: every value it had, newest first, with its provenance.
final class FieldHistoryScreen: Screen {
    let snapshot: TierSnapshot
    let field: TierField

    init(snapshot: TierSnapshot, field: TierField) {
        self.snapshot = snapshot
        self.field = field
    }

    var title: String { "Historique : \(field.label)" }
    var context: KeymapContext { .fiche }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1
        buffer.put("\(snapshot.displayName) — \(field.label)", x: x, y: area.y + 1, style: theme.title, maxWidth: area.width - 2)
        let history = snapshot.history(of: field)
        let headers = [(0, "Date"), (18, "Valeur"), (44, "Source"), (63, "Niveau"), (70, "Agent")]
        for (offset, name) in headers {
            buffer.put(name, x: x + offset, y: area.y + 3, style: theme.columnHeader)
        }
        if history.isEmpty {
            buffer.put("Aucune valeur n'a jamais été saisie.", x: x, y: area.y + 4, style: theme.dim)
        }
        for (index, fact) in history.prefix(area.height - 5).enumerated() {
            let y = area.y + 4 + index
            let style = index == 0 ? CellStyle.plain : theme.dim
            buffer.put(Timestamp.french(fact.recordedAt), x: x, y: y, style: style)
            buffer.put(fact.displayValue, x: x + 18, y: y, style: style, maxWidth: 25)
            buffer.put(fact.source.label, x: x + 44, y: y, style: style, maxWidth: 18)
            buffer.put("\(fact.level.mark) \(fact.level.rawValue)", x: x + 63, y: y, style: style)
            buffer.put(fact.agentLogin ?? "?", x: x + 70, y: y, style: style, maxWidth: 8)
        }
        return nil
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .retour, .annuler, .historique, .ouvrir: return .pop
        default: return .stay
        }
    }
}
