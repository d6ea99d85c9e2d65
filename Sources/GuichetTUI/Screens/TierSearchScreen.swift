import SIMSModel

/// Recherche tiers: a search field and the results table, refreshed at each key, with a detail
/// pane for the selected tier; Enter opens it. A dossier's number or the tracking code of its
/// receipt, typed in the same field, offers the dossier instead: Enter opens it.
package final class TierSearchScreen: Screen {
    /// The longest query, in characters: the field stops there, and `guichet search` refuses longer.
    package static let queryLimit = 120

    let session: AppSession
    private(set) var field = TextField(maxLength: TierSearchScreen.queryLimit)
    package private(set) var hits: [SearchHit] = []
    /// The dossier whose number or tracking code is the query, if any.
    private(set) var dossier: InboxDossier?
    private(set) var selected = 0
    private var firstRow = 0
    /// Whether the terminal's cursor is on the selected row (after ↑ ↓ PgUp PgDn) rather than in
    /// the query field (after any other key): a screen reader follows the focus there.
    private(set) var cursorOnList = false
    /// The query the results are for; nil before the first search.
    private var lastQuery: String?
    /// How many results a search asks for (paged on screen).
    static let resultLimit = 50

    package init(session: AppSession, query: String = "") {
        self.session = session
        field.text = query
        refresh()
    }

    package var title: String { "Recherche d'un tiers" }
    package var context: KeymapContext { .recherche }
    package var offeredActions: Set<KeyAction> {
        KeyAction.lineAndPageMoves.union(TextField.editingActions)
            .union([.ouvrir, .nouvellePersonne, .nouvelleOrganisation, .retour, .annuler])
    }

    /// Back from a record: the results as the register now holds them (a record changed, merged or
    /// erased meanwhile), the selection kept where it was.
    package func didReappear() {
        let (keptSelection, keptFirstRow) = (selected, firstRow)
        lastQuery = nil
        refresh()
        selected = min(keptSelection, max(hits.count - 1, 0))
        firstRow = min(keptFirstRow, selected)
    }

    private func refresh() {
        let query = field.text
        guard query != lastQuery else { return } // cursor moves and the like: same results
        lastQuery = query
        do {
            hits = try TierSearch(store: session.store).search(query, limit: Self.resultLimit)
            dossier = try InboxDossier.find(reference: query, in: session.store)
        } catch {
            hits = []
            dossier = nil
            session.message = .error("La recherche a échoué : \(error)")
        }
        selected = 0
        firstRow = 0
    }

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Rechercher :", x: x, y: area.y + 1, style: theme.title)
        let hint = "nom, date, RIDET, tél."
        // The field leaves room for the hint (or the count) on its right.
        let fieldWidth = max(20, width - 13 - DisplayWidth.of(hint) - 2)
        let cursor = field.render(into: &buffer, x: x + 13, y: area.y + 1, width: fieldWidth, style: theme.focusedField)
        let count = field.text.isEmpty ? hint : "\(hits.count == Self.resultLimit ? "\(Self.resultLimit)+" : "\(hits.count)") résultat\(hits.count > 1 ? "s" : "")"
        buffer.put(count, x: x + 13 + fieldWidth + 2, y: area.y + 1, style: theme.dim, maxWidth: width - 13 - fieldWidth - 2)

        let headerY = area.y + 3
        let columns = ResultColumns(x: x, width: width)
        columns.draw(into: &buffer, y: headerY, values: ["Nom", "Né(e) / RIDET", "Commune", "Tél.", "Vérif."],
                     style: theme.columnHeader)
        let tableRows = area.height - 10
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: tableRows)
        var rowCursor: CursorPosition?
        for (offset, hit) in hits.dropFirst(firstRow).prefix(tableRows).enumerated() {
            let index = firstRow + offset
            let y = headerY + 1 + offset
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            columns.draw(into: &buffer, y: y, values: [
                hit.displayName,
                hit.restricted ? "limitée" :
                hit.kind == .person ? hit.birthDate.map { FieldValidator.display($0, for: .birthDate) } ?? ""
                                    : hit.ridet ?? "",
                hit.commune ?? "",
                hit.phone.map { FieldValidator.display($0, for: .phone) } ?? "",
                hit.restricted ? "" : hit.minLevel.mark,
            ], style: style)
        }
        if let dossier {
            buffer.put("Dossier \(dossier.number) · \(dossier.procedureTitle) · \(session.keyName(.ouvrir, in: .recherche)) : ouvrir",
                       x: x, y: area.y + 2, style: theme.title, maxWidth: width)
        } else if let redirect = hits.first?.redirect {
            buffer.put("\(redirect.notice) \(session.keyName(.ouvrir, in: .recherche)) : ouvrir n° \(redirect.survivorID)",
                       x: x, y: area.y + 2, style: theme.notice, maxWidth: width)
        } else if let first = hits.first, !first.matchesAllTerms {
            buffer.put("Aucun tiers ne correspond à tous les mots ; les plus proches :", x: x, y: area.y + 2,
                       style: theme.error, maxWidth: width)
        }
        if hits.isEmpty, !field.text.isEmpty, dossier == nil {
            buffer.put("Aucun tiers ne correspond. \(session.keyName(.nouvellePersonne, in: .recherche)) : nouvelle personne, "
                       + "\(session.keyName(.nouvelleOrganisation, in: .recherche)) : nouvelle organisation.",
                       x: x, y: headerY + 2, style: theme.dim, maxWidth: width)
        }
        drawDetail(into: &buffer, y: area.y + area.height - 5, x: x, width: width, theme: theme)
        return cursorOnList ? rowCursor ?? cursor : cursor
    }

    private func drawDetail(into buffer: inout CellBuffer, y: Int, x: Int, width: Int, theme: Theme) {
        buffer.put(String(repeating: "─", count: width), x: x, y: y, style: theme.dim)
        guard hits.indices.contains(selected) else { return }
        let hit = hits[selected]
        buffer.put("\(hit.displayName) — \(hit.kind.label.lowercased()) n° \(hit.tierID)", x: x, y: y + 1,
                   style: theme.title, maxWidth: width)
        if hit.restricted {
            // The search shows a restricted tier's name only: its data needs the motif.
            _ = buffer.putWrapped("Traitement limité (RGPD) : \(session.keyName(.ouvrir, in: .recherche)) puis le motif de la "
                                  + "consultation pour voir la fiche.", x: x, y: y + 2, width: width, maxLines: 2,
                                  style: theme.error)
            return
        }
        var facts: [String] = []
        if let date = hit.birthDate { facts.append("Né(e) le \(FieldValidator.display(date, for: .birthDate))") }
        if let ridet = hit.ridet { facts.append("RIDET \(ridet)") }
        if let commune = hit.commune { facts.append(commune) }
        if let cafat = hit.cafat { facts.append("CAFAT \(cafat)") }
        buffer.put(facts.joined(separator: " · "), x: x, y: y + 2, maxWidth: width)
        var contact: [String] = []
        if let phone = hit.phone { contact.append("Tél. \(FieldValidator.display(phone, for: .phone))") }
        if let email = hit.email { contact.append(email) }
        let contactText = contact.joined(separator: " · ")
        // The legend gets shorter when the contact needs the room; two spaces between them.
        var legend = "Vérif. : · déclaré  ✓ vérifié sur pièce  ✔ validé"
        if DisplayWidth.of(contactText) + 2 + DisplayWidth.of(legend) > width { legend = "· déclaré ✓ vérifié ✔ validé" }
        buffer.put(contactText, x: x, y: y + 3, maxWidth: width - DisplayWidth.of(legend) - 2)
        buffer.put(legend, x: x + width - DisplayWidth.of(legend), y: y + 3, style: theme.dim)
    }

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ouvrir:
            if let dossier { return DossierReviewScreen.opening(session, dossierID: dossier.id) }
            guard hits.indices.contains(selected) else { return .stay }
            return TierRecordScreen.opening(session, tierID: hits[selected].tierID)
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            selected = ListCursor.moved(selected, by: action, count: hits.count) ?? selected
            cursorOnList = true
        case .nouvellePersonne:
            return .push(TierFormScreen(session: session, kind: .person, prefill: Self.prefill(from: field.text)))
        case .nouvelleOrganisation:
            return .push(TierFormScreen(session: session, kind: .organisation))
        case .retour, .annuler:
            return .pop
        default:
            cursorOnList = false
            if field.handle(event, action: action) { refresh() }
            if let refusal = field.refusal { session.message = .error(refusal) }
        }
        return .stay
    }

    /// Names typed in the search become the new person's names (« wamytan hélène »: the first
    /// word is the birth name, the rest the given names), so nothing is typed twice.
    static func prefill(from query: String) -> [TierField: String] {
        let words = query.split(separator: " ").map(String.init).filter { $0.first?.isLetter == true }
        guard let first = words.first else { return [:] }
        var values: [TierField: String] = [.birthName: first.prefix(1).uppercased() + first.dropFirst()]
        if words.count > 1 {
            values[.givenNames] = words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        }
        return values
    }
}
