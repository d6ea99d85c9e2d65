import SIMSModel

/// Pièces jointes: the documents of a tier or of a dossier (type, date, pages, where reading
/// their text stands), a search field that keeps the documents whose text contains every word
/// typed, and the text of the selected document.
final class DocumentListScreen: Screen {
    /// Whose documents are shown.
    enum Owner: Equatable {
        case tier(Int64)
        case dossier(Int64)
    }

    let session: AppSession
    let owner: Owner
    /// The OCR worker, when the application runs one: « OCR indisponible » when it found no tesseract.
    let ocr: OCRWorker?
    private(set) var field = TextField(maxLength: 120)
    private(set) var search = DocumentTextSearch(documents: [])
    private(set) var hits: [DocumentTextHit] = []
    private(set) var selected = 0
    private var firstRow = 0
    /// Whether the terminal's cursor is on the selected row (after ↑ ↓ PgUp PgDn) rather than in
    /// the filter field (after any other key).
    private(set) var cursorOnList = false
    private var lastQuery: String?
    /// What each read document's text offers (names, dates, phones...), computed once per document.
    private var suggestions: [Int64: [TextSuggestion]] = [:]
    /// The rows of the table on an 80×24 terminal.
    static let tableRows = 7

    init(session: AppSession, tierID: Int64, ocr: OCRWorker? = nil) {
        self.session = session
        owner = .tier(tierID)
        self.ocr = ocr
        reload()
    }

    init(session: AppSession, dossierID: Int64, ocr: OCRWorker? = nil) {
        self.session = session
        owner = .dossier(dossierID)
        self.ocr = ocr
        reload()
    }

    var title: String { "Pièces jointes" }
    var context: KeymapContext { .documents }
    /// The search field's keys; the moves when there is more than one piece to choose between.
    var offeredActions: Set<KeyAction> {
        let moves: Set<KeyAction> = hits.count > 1 ? KeyAction.lineAndPageMoves : []
        return moves.union(TextField.editingActions).union([.retour, .annuler])
    }

    /// Whether OCR is known to be unavailable: the worker found no tesseract, or documents were
    /// marked so by a worker (of this process or another).
    var ocrUnavailable: Bool {
        if let ocr { return !ocr.isAvailable }
        return search.documents.contains { $0.ocrState == .unavailable }
    }

    private func reload() {
        do {
            switch owner {
            case .tier(let id): search = try DocumentTextSearch(store: session.store, tierID: id)
            case .dossier(let id): search = try DocumentTextSearch(store: session.store, dossierID: id)
            }
        } catch {
            search = DocumentTextSearch(documents: [])
            session.message = .error("Les pièces n'ont pas pu être lues : \(error)")
        }
        lastQuery = nil
        suggestions = [:]
        filter()
    }

    private func filter() {
        let query = field.text
        guard query != lastQuery else { return }
        let previous = hits.indices.contains(selected) ? hits[selected].document.id : nil
        lastQuery = query
        hits = search.matches(query, excerptLength: 74)
        selected = previous.flatMap { id in hits.firstIndex { $0.document.id == id } } ?? 0
        firstRow = 0
    }

    /// Reloads when a document shown as waiting has been read since (the worker runs meanwhile).
    private func refreshIfRead() {
        let waiting = search.documents.filter { $0.ocrState == .pending }.map(\.id)
        guard !waiting.isEmpty else { return }
        let stillWaiting = (try? DocumentService(store: session.store).countAwaitingText(waiting)) ?? waiting.count
        if stillWaiting != waiting.count { reload() }
    }

    func didReappear() { reload() }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Chercher dans le texte :", x: x, y: area.y + 1, style: theme.title)
        let cursor = field.render(into: &buffer, x: x + 25, y: area.y + 1, width: 34, style: theme.focusedField)
        let total = search.documents.count
        let count = field.text.isEmpty ? "\(total) pièce\(total > 1 ? "s" : "")" : "\(hits.count) sur \(total)"
        buffer.put(count, x: x + 61, y: area.y + 1, style: theme.dim, maxWidth: width - 61)
        if ocrUnavailable {
            buffer.put("OCR indisponible : les fichiers sont conservés, leur texte n'est pas lu.", x: x, y: area.y + 2,
                       style: theme.error, maxWidth: width)
        }

        let headerY = area.y + 3
        let columns: [(Int, String)] = [(0, "Type"), (34, "Date"), (46, "Pages"), (53, "Texte")]
        for (offset, name) in columns { buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader) }
        if total == 0 {
            buffer.put("Aucune pièce jointe.", x: x, y: headerY + 1, style: theme.dim, maxWidth: width)
        } else if hits.isEmpty {
            buffer.put("Aucune pièce ne contient ces mots.", x: x, y: headerY + 1, style: theme.dim, maxWidth: width)
        }
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: Self.tableRows)
        var rowCursor: CursorPosition?
        for (offset, hit) in hits.dropFirst(firstRow).prefix(Self.tableRows).enumerated() {
            let index = firstRow + offset
            let y = headerY + 1 + offset
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            let document = hit.document
            buffer.put(document.type.label, x: x, y: y, style: style, maxWidth: 33)
            buffer.put(document.issuedOn.map(DateRule.display) ?? "", x: x + 34, y: y, style: style, maxWidth: 11)
            buffer.put(document.pages.map(String.init) ?? "", x: x + 46, y: y, style: style, maxWidth: 6)
            buffer.put(document.ocrState?.label ?? "sans fichier", x: x + 53, y: y, style: style, maxWidth: width - 53)
        }
        drawText(into: &buffer, y: headerY + Self.tableRows + 2, bottom: area.y + area.height, x: x, width: width, theme: theme)
        return cursorOnList ? rowCursor ?? cursor : cursor
    }

    /// The selected document's text (its first lines), or where reading it stands.
    private func drawText(into buffer: inout CellBuffer, y: Int, bottom: Int, x: Int, width: Int, theme: Theme) {
        guard hits.indices.contains(selected) else { return }
        let hit = hits[selected]
        let document = hit.document
        buffer.put(document.summary + (document.originalName.map { " — \($0)" } ?? ""), x: x, y: y, style: theme.title,
                   maxWidth: width)
        var lines: [String]
        var style = CellStyle.plain
        switch document.ocrState {
        case .done?:
            let text = document.ocrText ?? ""
            if text.isEmpty {
                lines = ["Aucun texte n'a été trouvé sur cette pièce."]
                style = theme.dim
            } else if !field.text.isEmpty {
                lines = ["« \(hit.excerpt) »", ""] + WrappedText.lines(text, width: width)
            } else {
                lines = WrappedText.lines(text, width: width)
            }
        case .pending?:
            lines = [ocrUnavailable ? "OCR indisponible : le texte de cette pièce ne sera pas lu." : "Lecture du texte en cours…"]
            style = theme.dim
        case .unavailable?:
            lines = ["OCR indisponible : le texte de cette pièce n'a pas été lu."]
            style = theme.dim
        case .failed?:
            lines = ["Lecture impossible : " + (document.ocrText ?? "raison inconnue.")]
            style = theme.error
        case nil:
            lines = ["Pièce remise sur papier : pas de fichier, pas de texte."]
            style = theme.dim
        }
        var room = max(bottom - y - 1, 0)
        if document.ocrState == .done, let found = suggestions(of: document), !found.isEmpty {
            room -= 1
            let text = "Repéré : " + found.map { "\($0.kind.label.lowercased()) \($0.display)" }.joined(separator: " · ")
            buffer.put(text, x: x, y: bottom - 1, style: theme.notice, maxWidth: width)
        }
        for (offset, line) in lines.prefix(room).enumerated() {
            buffer.put(line, x: x, y: y + 1 + offset, style: style, maxWidth: width)
        }
    }

    /// The suggestions of a read document's text, computed at its first display.
    private func suggestions(of document: Document) -> [TextSuggestion]? {
        if let known = suggestions[document.id] { return known }
        guard let text = document.ocrText else { return nil }
        let found = TextSuggestions.extract(from: text, today: session.clock.today())
        suggestions[document.id] = found
        return found
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        refreshIfRead()
        switch action {
        case .retour:
            return .pop
        case .annuler:
            if field.isEmpty { return .pop }
            field.text = ""
            cursorOnList = false
            filter()
            return .stay
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            selected = ListCursor.moved(selected, by: action, count: hits.count, page: Self.tableRows) ?? selected
            cursorOnList = true
            return .stay
        default:
            cursorOnList = false
        }
        if field.handle(event, action: action) {
            filter()
        }
        if let refusal = field.refusal { session.message = .error(refusal) }
        return .stay
    }
}
