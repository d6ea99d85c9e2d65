import SIMSModel

/// Doublons décidés (superviseurs, F9 from « Doublons »): the pairs already decided, the latest
/// decision first, with who decided what and when; F11 sends a pair decided « personnes
/// différentes » back to review, after a confirmation with its motif
/// (``DuplicateReview/reopen(pairID:motif:by:)``). A pair settled by a merge says how to undo it
/// (Ctrl-D on the record kept), and F11 says so too. Enter opens the pair side by side.
final class DuplicateDecisionsScreen: Screen {
    struct Row {
        var pair: DuplicatePair
        var nameA: String
        var nameB: String
        /// The record the pair's standing merge kept (a pair settled by a merge), else nil.
        var mergedInto: Int64?
    }

    let session: AppSession
    private(set) var rows: [Row] = []
    private(set) var selected = 0
    private var firstRow = 0
    /// The confirmation of F11, while open.
    private(set) var prompt: ActionPrompt?

    /// Rows under the list for the selected pair: a rule, its records, what undoes it, its reasons.
    static let detailHeight = 5

    init(session: AppSession) {
        self.session = session
        reload()
    }

    var title: String { "Doublons décidés" }
    var context: KeymapContext { .doublons }
    /// The list's moves, opening a pair and sending it back to review; an open prompt's own keys.
    var offeredActions: Set<KeyAction> {
        prompt?.answeredActions ?? KeyAction.lineAndPageMoves.union([.premiereLigne, .derniereLigne, .ouvrir, .rouvrirPaire,
                                                                     .retour, .annuler])
    }
    /// Only F11 decides here; no move in a list of one, nothing to open nor undo in an empty list.
    var hiddenActions: Set<KeyAction> {
        var hidden = TextField.editingActions.union([.memePersonne, .personnesDifferentes, .garderAutre, .doublonsDecides])
        if rows.count < 2 { hidden.formUnion(KeyAction.lineAndPageMoves.union([.premiereLigne, .derniereLigne])) }
        if rows.isEmpty { hidden.formUnion([.rouvrirPaire, .ouvrir]) }
        return hidden
    }

    func didReappear() { reload() }

    func reload() {
        let previous = rows.indices.contains(selected) ? rows[selected].pair.id : nil
        do {
            let decided = try DuplicateReview(store: session.store).decided()
            let merger = TierMerger(store: session.store)
            let names = try DuplicateQueueScreen.names(of: decided.map { ($0.tierA, $0.tierB) }, session: session)
            rows = zip(decided, names).map { Row(pair: $0, nameA: $1.0, nameB: $1.1) }
            for index in rows.indices where rows[index].pair.state == .samePerson {
                let pair = rows[index].pair
                rows[index].mergedInto = try (merger.redirect(of: pair.tierA) ?? merger.redirect(of: pair.tierB))?.survivorID
            }
        } catch {
            rows = []
            session.message = .error("Les paires décidées n'ont pas pu être lues : \(error)")
        }
        selected = previous.flatMap { id in rows.firstIndex { $0.pair.id == id } } ?? min(selected, max(rows.count - 1, 0))
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let count = rows.isEmpty ? "Aucune paire décidée"
            : "\(rows.count) paire\(rows.count > 1 ? "s" : "") décidée\(rows.count > 1 ? "s" : "") · la dernière décision d'abord"
        buffer.put(count, x: x, y: area.y, style: theme.title, maxWidth: width)
        let headerY = area.y + 2
        let nameWidth = (width - 33) / 2
        let columns = [(0, "Le"), (11, "Décision"), (22, "Par"), (32, "Fiche"), (33 + nameWidth, "Fiche")]
        for (offset, name) in columns { buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader) }
        guard !rows.isEmpty else { return nil }
        let bottom = area.y + area.height - (session.message?.rows(width: area.width) ?? 0)
        let visible = max(bottom - area.y - 4 - Self.detailHeight, 1)
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: visible)
        var rowCursor: CursorPosition?
        for (index, row) in rows.enumerated().dropFirst(firstRow).prefix(visible) {
            let y = headerY + 1 + index - firstRow
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            buffer.put(row.pair.decidedAt.map { String(Timestamp.french($0).prefix(10)) } ?? "—", x: x, y: y, style: style)
            buffer.put(row.pair.state == .samePerson ? "même pers." : "différ.", x: x + 11, y: y, style: style, maxWidth: 10)
            buffer.put(row.pair.decidedByLogin ?? "—", x: x + 22, y: y, style: style, maxWidth: 9)
            buffer.put("\(row.pair.tierA) \(row.nameA)", x: x + 32, y: y, style: style, maxWidth: nameWidth)
            buffer.put("\(row.pair.tierB) \(row.nameB)", x: x + 33 + nameWidth, y: y, style: style, maxWidth: width - 33 - nameWidth)
        }
        renderDetail(of: rows[selected], into: &buffer, x: x, y: bottom - Self.detailHeight, width: width, theme: theme)
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? rowCursor
    }

    /// « Paire n° 4 : fiche n° 3 KAUDRE Kélly et fiche n° 6 KAUDRÉ Kély Marie », what undoes the
    /// decision, and every reason.
    private func renderDetail(of row: Row, into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        DuplicateQueueScreen.renderPairDetail(row.pair, a: (row.pair.tierA, row.nameA), b: (row.pair.tierB, row.nameB),
                                              into: &buffer, x: x, y: y, width: width, theme: theme)
        let undo: String
        if let survivor = row.mergedInto {
            undo = "Réglée par une fusion : \(session.keyName(.defaireFusion, in: .fiche)) sur la fiche n° \(survivor) "
                + "la défait et rend la paire."
        } else {
            undo = "« \(row.pair.state.label) » : \(session.keyName(.rouvrirPaire, in: .doublons)) rend la paire à la revue."
        }
        buffer.put(undo, x: x, y: y + 2, style: theme.dim, maxWidth: width)
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let open = prompt {
            guard rows.indices.contains(selected) else {
                prompt = nil
                return .stay
            }
            let pair = rows[selected].pair
            prompt = open.responding(to: event, action: DuplicatePairScreen.fieldAction(action)) { form in
                try reopen(pair, motif: form.fields[0].value)
            }
            return .stay
        }
        if let moved = ListCursor.moved(selected, by: action, count: rows.count) {
            selected = moved
            return .stay
        }
        switch action {
        case .ouvrir:
            guard rows.indices.contains(selected) else { return .stay }
            return DuplicatePairScreen.opening(session, pairID: rows[selected].pair.id, keep: nil, onKeep: nil)
        case .rouvrirPaire:
            guard rows.indices.contains(selected) else { return .stay }
            let pair = rows[selected].pair
            if let survivor = rows[selected].mergedInto {
                session.message = .error("La paire n° \(pair.id) a été réglée par une fusion : défaites-la sur la fiche n° \(survivor) "
                    + "(\(session.keyName(.defaireFusion, in: .fiche))) ; la paire reviendra à revoir.")
                return .stay
            }
            prompt = ActionPrompt(title: "Rendre la paire n° \(pair.id) à la revue ?",
                                  fields: [.text("Motif (facultatif)", maxLength: DuplicateReview.maxMotifLength)],
                                  notes: ["Sa décision « \(pair.state.label) » sera annulée ; la paire reviendra dans la file."])
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }

    /// Sends `pair` back to review and says so; a refusal (a merge to undo) stays in the prompt.
    private func reopen(_ pair: DuplicatePair, motif: String) throws {
        try DuplicateReview(store: session.store).reopen(pairID: pair.id, motif: motif, by: session.agent)
        reload()
        session.message = .info("Paire n° \(pair.id) (fiches n° \(pair.tierA) et \(pair.tierB)) rendue à la revue : "
            + "sa décision « \(pair.state.label) » est annulée.")
    }
}
