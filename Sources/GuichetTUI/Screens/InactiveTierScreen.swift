import SIMSModel

/// Fiches inactives (superviseurs): the persons with no activity for the inactivity period and
/// nothing under retention (``InactiveTierReview``), the longest inactive first. Enter opens the
/// selected person's record (where « Effacement » anonymises it); F5 « Conserver » asks the motif
/// and takes the person off the list for the period.
final class InactiveTierScreen: Screen {
    let session: AppSession
    let review: InactiveTierReview
    private(set) var rows: [InactiveTier] = []
    private(set) var selected = 0
    private var firstRow = 0
    private(set) var prompt: ActionPrompt?

    init(session: AppSession, period: InactivityPeriod) {
        self.session = session
        review = InactiveTierReview(store: session.store, catalog: session.catalog, period: period)
        reload()
    }

    var title: String { "Fiches inactives" }
    var context: KeymapContext { .inactifs }
    var offeredActions: Set<KeyAction> {
        prompt?.answeredActions ?? KeyAction.lineAndPageMoves.union([.ouvrir, .conserver, .retour, .annuler])
    }
    /// An empty list offers nothing to open or keep.
    var hiddenActions: Set<KeyAction> { rows.isEmpty ? KeyAction.lineAndPageMoves.union([.conserver, .ouvrir]) : [] }

    /// A record closed (perhaps erased, or active again): the list as it is now.
    func didReappear() { reload() }

    func reload() {
        let previous = rows.indices.contains(selected) ? rows[selected].id : nil
        do {
            rows = try review.list(today: session.clock.today(), by: session.agent)
        } catch {
            rows = []
            session.message = .error("La liste des fiches inactives n'a pas pu être lue : \(error)")
        }
        selected = previous.flatMap { id in rows.firstIndex { $0.id == id } } ?? min(selected, max(rows.count - 1, 0))
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let since = review.period.cutoffDay(today: session.clock.today()).french
        if rows.isEmpty {
            // Said once, and no key to offer: nothing to open, erase or keep.
            _ = buffer.putWrapped("Aucune fiche inactive : toutes les personnes ont eu une activité depuis le \(since) "
                                  + "(\(review.period.french)), ou ont un dossier ouvert ou sous conservation.",
                                  x: x, y: area.y, width: width, maxLines: 3, style: theme.title)
            return nil
        }
        buffer.put("\(InactiveTierListText.counted(rows.count)) : sans activité depuis le \(since) (\(review.period.french)),",
                   x: x, y: area.y, style: theme.title, maxWidth: width)
        buffer.put("ni dossier ouvert ou sous conservation. Entrée : la fiche, pour l'effacer.",
                   x: x, y: area.y + 1, style: theme.dim, maxWidth: width)
        let headerY = area.y + 3
        // The name column takes what a terminal wider than 80 columns gives.
        let nameWidth = 22 + max(0, width - 78)
        let dateX = 11 + nameWidth, reasonX = dateX + 16
        let columns = [(5, "n°"), (9, "Nom"), (dateX, "Dern. activité"), (reasonX, "Pourquoi")]
        for (offset, name) in columns { buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader) }
        let visible = max(area.height - 7 - (prompt?.height(areaWidth: area.width) ?? 0), 1)
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: visible)
        var rowCursor: CursorPosition?
        for (index, tier) in rows.enumerated().dropFirst(firstRow).prefix(visible) {
            let y = headerY + 1 + index - firstRow
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            let number = String(tier.id)
            buffer.put(number, x: x + max(0, 7 - number.count), y: y, style: style, maxWidth: 8)
            buffer.put(tier.name, x: x + 9, y: y, style: style, maxWidth: nameWidth)
            buffer.put(tier.lastActivityDay, x: x + dateX, y: y, style: style, maxWidth: 10)
            buffer.put(tier.reason, x: x + reasonX, y: y, style: style, maxWidth: width - reasonX)
        }
        if let prompt { return prompt.render(into: &buffer, area: area, theme: theme) }
        // The selected person in full, whatever the columns had to cut.
        if rows.indices.contains(selected) {
            let tier = rows[selected]
            _ = buffer.putWrapped("n° \(tier.id) \(tier.name) · dernière activité le \(tier.lastActivityDay) · \(tier.reason)",
                                  x: x, y: area.y + area.height - 2, width: width, maxLines: 2, style: theme.dim)
        }
        return rowCursor
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if prompt != nil {
            prompt = prompt?.responding(to: event, action: action) { form in try keep(motif: form.fields[0].value) }
            return .stay
        }
        if let moved = ListCursor.moved(selected, by: action, count: rows.count) {
            selected = moved
            return .stay
        }
        switch action {
        case .ouvrir:
            guard rows.indices.contains(selected) else { return .stay }
            return TierRecordScreen.opening(session, tierID: rows[selected].id, erasureGround: .inactivity)
        case .conserver:
            guard rows.indices.contains(selected) else {
                session.message = .info("Aucune fiche inactive à conserver.")
                return .stay
            }
            guard session.agent.has(.supervisor) else {
                session.message = .error("Conserver une fiche inactive est réservé aux superviseurs.")
                return .stay
            }
            let tier = rows[selected]
            prompt = ActionPrompt(title: "Conserver : \(tier.name)",
                                  fields: [.text("Motif", maxLength: TierRestrictionService.maxMotifLength)],
                                  notes: ["Elle quittera la liste pour \(review.period.french), puis y reviendra si elle reste inactive."])
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }

    /// Keeps the selected person with `motif`; the list is read again.
    private func keep(motif: String) throws {
        let tier = rows[selected]
        let back = try review.keep(tierID: tier.id, motif: motif, by: session.agent)
        reload()
        session.message = .info("« \(tier.name) » conservée : hors de la liste jusqu'au \(back.adding(days: -1).french).")
    }
}
