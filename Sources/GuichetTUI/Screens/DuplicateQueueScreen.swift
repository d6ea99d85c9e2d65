import SIMSModel

/// Doublons (superviseurs): the pairs of the review queue, most likely first, with the two
/// records' names and why they are suspected; Enter opens a pair side by side
/// (``DuplicatePairScreen``); F5 « même personne » and F6 « personnes différentes » decide the
/// selected pair from the list too.
final class DuplicateQueueScreen: Screen {
    struct Row {
        var pair: DuplicatePair
        var nameA: String
        var nameB: String
    }

    let session: AppSession
    private(set) var rows: [Row] = []
    private(set) var selected = 0
    private var firstRow = 0
    private var pending = 0

    init(session: AppSession) {
        self.session = session
        reload()
    }

    var title: String { "Doublons à revoir" }
    var context: KeymapContext { .doublons }

    func didReappear() { reload() }

    func reload() {
        let previous = rows.indices.contains(selected) ? rows[selected].pair.id : nil
        do {
            let review = DuplicateReview(store: session.store)
            pending = try review.pendingCount()
            let queue = try review.queue()
            rows = try session.store.pool.read { db in
                try queue.map { pair in
                    Row(pair: pair, nameA: try TierService.read(db, id: pair.tierA)?.displayName ?? "fiche n° \(pair.tierA)",
                        nameB: try TierService.read(db, id: pair.tierB)?.displayName ?? "fiche n° \(pair.tierB)")
                }
            }
        } catch {
            rows = []
            session.message = .error("La file des doublons n'a pas pu être lue : \(error)")
        }
        selected = previous.flatMap { id in rows.firstIndex { $0.pair.id == id } } ?? min(selected, max(rows.count - 1, 0))
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let count = pending == 0 ? "Aucune paire à revoir" : "\(pending) paire\(pending > 1 ? "s" : "") à revoir"
        buffer.put(count + " · la plus probable d'abord", x: x, y: area.y, style: theme.title, maxWidth: width)
        let headerY = area.y + 2
        // The name columns share what a terminal wider than 80 columns gives.
        let nameWidth = 24 + max(0, width - 78) / 2
        let columns = [(0, "Prob."), (7, "Fiche"), (8 + nameWidth, "Fiche"), (9 + 2 * nameWidth, "Raisons")]
        for (offset, name) in columns { buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader) }
        if rows.isEmpty {
            buffer.put("Lancez « guichet doublons analyser » pour chercher les doublons du registre.", x: x, y: headerY + 1,
                       style: theme.dim, maxWidth: width)
            return nil
        }
        let visible = max(area.height - 4, 1)
        if selected < firstRow { firstRow = selected }
        if selected >= firstRow + visible { firstRow = selected - visible + 1 }
        for (index, row) in rows.enumerated().dropFirst(firstRow).prefix(visible) {
            let y = headerY + 1 + index - firstRow
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { buffer.fill(CellRect(x: x, y: y, width: width, height: 1), style: style) }
            buffer.put(Self.percent(row.pair.probability), x: x, y: y, style: style, maxWidth: 6)
            buffer.put(row.nameA, x: x + 7, y: y, style: style, maxWidth: nameWidth)
            buffer.put(row.nameB, x: x + 8 + nameWidth, y: y, style: style, maxWidth: nameWidth)
            let reasons = row.pair.reasons.joined(separator: ", ")
            buffer.put(reasons, x: x + 9 + 2 * nameWidth, y: y, style: style, maxWidth: width - 9 - 2 * nameWidth)
        }
        return nil
    }

    /// « 99,9 % », rounded down (« 100 % » only when the score saturates).
    static func percent(_ probability: Double) -> String {
        if probability >= 1 { return "100 %" }
        let value = (probability * 1000).rounded(.down) / 10
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " %"
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ligneSuivante: selected = min(selected + 1, max(rows.count - 1, 0))
        case .lignePrecedente: selected = max(selected - 1, 0)
        case .pageSuivante: selected = min(selected + 10, max(rows.count - 1, 0))
        case .pagePrecedente: selected = max(selected - 10, 0)
        case .ouvrir:
            guard rows.indices.contains(selected) else { return .stay }
            return .push(DuplicatePairScreen(session: session, pairID: rows[selected].pair.id))
        case .memePersonne, .personnesDifferentes:
            guard rows.indices.contains(selected) else { return .stay }
            DuplicatePairScreen.decide(rows[selected].pair.id, action == .memePersonne ? .samePerson : .differentPeople,
                                       session: session)
            reload()
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }
}
