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
    /// The record's own actions do nothing here: the bar does not offer them.
    var hiddenActions: Set<KeyAction> {
        [.renouveler, .verifier, .marquer, .valider, .modifier, .nouveauDossier, .numeriser, .documents]
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1
        buffer.put("\(snapshot.displayName) — \(field.label)", x: x, y: area.y + 1, style: theme.title, maxWidth: area.width - 2)
        let history = snapshot.history(of: field)
        // The value column takes what a terminal wider than 80 columns gives; the source names
        // its dossier (« dossier RBS-2026-000012 ») or its piece.
        let extra = max(0, area.width - 80)
        let headers = [(0, "Date"), (17, "Valeur"), (39 + extra, "Source"), (63 + extra, "Niv."), (68 + extra, "Agent")]
        for (offset, name) in headers {
            buffer.put(name, x: x + offset, y: area.y + 3, style: theme.columnHeader)
        }
        if history.isEmpty {
            buffer.put("Aucune valeur n'a jamais été saisie.", x: x, y: area.y + 4, style: theme.dim)
        }
        for (index, fact) in history.prefix(area.height - 5).enumerated() {
            let y = area.y + 4 + index
            let style = index == 0 ? CellStyle.plain : theme.dim
            buffer.put(Timestamp.french(fact.recordedAt), x: x, y: y, style: style, maxWidth: 16)
            buffer.put(fact.displayValue, x: x + 17, y: y, style: style, maxWidth: 21 + extra)
            buffer.put(Self.source(of: fact), x: x + 39 + extra, y: y, style: style, maxWidth: 23)
            buffer.put("\(fact.level.mark) \(fact.level.rawValue)", x: x + 63 + extra, y: y, style: style)
            buffer.put(fact.agentLogin ?? "?", x: x + 68 + extra, y: y, style: style, maxWidth: 10)
        }
        return nil
    }

    /// The fact's source with what it refers to: « dossier RBS-2026-000012 ».
    static func source(of fact: Fact) -> String {
        guard let reference = fact.reference, !reference.isEmpty else { return fact.source.label }
        return fact.source == .dossier ? "dossier \(reference)" : "\(fact.source.label) · \(reference)"
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .retour, .annuler, .historique, .ouvrir: return .pop
        default: return .stay
        }
    }
}
