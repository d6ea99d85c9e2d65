import SIMSModel

/// Démarches: the procedure catalogue, filtered at each key, with a preview of the selected
/// procedure (who may apply, review levels, deadline, pieces). Enter opens its fiche pratique,
/// F9 prints it; F2 starts a dossier for the applicant the catalogue was opened for.
///
/// Mistakes in the procedure files (``AppSession/catalogProblem``) are shown above the list, so
/// the administrator sees which file and line to fix; the valid procedures stay usable.
package final class ProcedureCatalogScreen: Screen {
    let session: AppSession
    /// The tier a dossier would be started for; nil when the catalogue is only consulted.
    let applicant: TierSnapshot?
    private(set) var field = TextField(maxLength: 80)
    private(set) var results: [Procedure] = []
    private(set) var selected = 0
    private var firstRow = 0
    /// Whether the terminal's cursor is on the selected row (after ↑ ↓ PgUp PgDn) rather than in
    /// the filter field (after any other key).
    private(set) var cursorOnList = false
    /// Where the selected row was drawn by the last render.
    private var rowCursor: CursorPosition?
    /// The query the results are for; nil before the first search.
    private var lastQuery: String?
    /// The most lines of the files' mistakes shown when there are procedures to list too.
    static let problemRowsWithList = 5

    package init(session: AppSession, applicant: TierSnapshot?) {
        self.session = session
        self.applicant = applicant
        refresh()
    }

    package var title: String { "Démarches" }
    package var context: KeymapContext { .catalogue }
    package var offeredActions: Set<KeyAction> {
        KeyAction.lineAndPageMoves.union(TextField.editingActions)
            .union([.ouvrir, .demarrer, .imprimer, .rechercher, .retour, .annuler])
    }

    /// The procedure under the selection bar, if any.
    package var selectedProcedure: Procedure? { results.indices.contains(selected) ? results[selected] : nil }

    private func refresh() {
        let query = field.text
        guard query != lastQuery else { return }
        lastQuery = query
        results = session.catalog.search(query)
        selected = 0
        firstRow = 0
    }

    // MARK: - Rendering

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        if let applicant {
            let end = buffer.put("Pour : ", x: x, y: area.y, style: theme.title)
            buffer.put("\(applicant.displayName) (\(applicant.kind.label.lowercased()) n° \(applicant.id))",
                       x: end, y: area.y, style: theme.title, maxWidth: x + width - end)
        } else {
            buffer.put("Consultation : pour démarrer un dossier, ouvrez d'abord la fiche du demandeur.",
                       x: x, y: area.y, style: theme.dim, maxWidth: width)
        }
        buffer.put("Démarche :", x: x, y: area.y + 1, style: theme.title)
        let cursor = field.render(into: &buffer, x: x + 11, y: area.y + 1, width: 46, style: theme.focusedField)
        let total = session.catalog.procedures.count
        let count = total == 0 ? "aucune démarche"
            : field.isEmpty ? "\(total) démarche\(total > 1 ? "s" : "")"
            : "\(results.count) sur \(total)"
        buffer.put(count, x: x + 60, y: area.y + 1, style: theme.dim, maxWidth: width - 60)

        let previewY = area.y + area.height - 6
        var y = area.y + 3
        if let problem = session.catalogProblem {
            y = drawProblem(problem, into: &buffer, x: x, y: y, width: width,
                            bottom: total == 0 ? previewY : min(previewY - 4, y + 1 + Self.problemRowsWithList),
                            theme: theme)
            y += 1
        }
        rowCursor = nil
        if total > 0 || session.catalogProblem == nil {
            drawList(into: &buffer, x: x, y: y, width: width, bottom: previewY, theme: theme)
        }
        drawPreview(into: &buffer, x: x, y: previewY, width: width, theme: theme)
        return cursorOnList ? rowCursor ?? cursor : cursor
    }

    /// The mistakes of the procedure files, in red, wrapped, between `y` and `bottom`; returns the
    /// row after them.
    private func drawProblem(_ problem: String, into buffer: inout CellBuffer, x: Int, y: Int, width: Int,
                             bottom: Int, theme: Theme) -> Int {
        buffer.put("Erreurs dans les fichiers des démarches (à corriger par l'administrateur) :",
                   x: x, y: y, style: theme.error, maxWidth: width)
        var lines: [String] = []
        for mistake in problem.split(separator: "\n") {
            lines += WrappedText.lines(String(mistake), width: width - 2, hanging: 2)
        }
        let room = max(bottom - y - 1, 1)
        var row = y + 1
        let shown = lines.count <= room ? lines : Array(lines.prefix(room - 1))
        for line in shown {
            buffer.put(line, x: x + 2, y: row, style: theme.error, maxWidth: width - 2)
            row += 1
        }
        if shown.count < lines.count {
            buffer.put("… " + FrenchCount.of(lines.count - shown.count, "ligne") + " de plus : guichet procedures check les affiche toutes.",
                       x: x + 2, y: row, style: theme.dim, maxWidth: width - 2)
            row += 1
        }
        return row
    }

    private func drawList(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, bottom: Int, theme: Theme) {
        buffer.put("Code", x: x, y: y, style: theme.columnHeader)
        buffer.put("Démarche", x: x + 7, y: y, style: theme.columnHeader)
        buffer.put("Demandeur", x: x + 64, y: y, style: theme.columnHeader)
        if results.isEmpty {
            let text = field.isEmpty ? "Aucune démarche n'est disponible."
                                     : "Aucune démarche ne correspond à « \(field.text) »."
            buffer.put(text, x: x, y: y + 2, style: theme.dim, maxWidth: width)
            return
        }
        let rows = max(bottom - y - 1, 1)
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: rows)
        for (offset, procedure) in results.dropFirst(firstRow).prefix(rows).enumerated() {
            let index = firstRow + offset
            let row = y + 1 + offset
            let other = applicant.map { $0.kind != procedure.applicantKind } ?? false
            let style = index == selected ? theme.selected : other ? theme.dim : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: row, width: width, style: style) }
            buffer.put(procedure.code, x: x, y: row, style: style, maxWidth: 6)
            buffer.put(procedure.title, x: x + 7, y: row, style: style, maxWidth: 56)
            buffer.put(procedure.applicantKind.label, x: x + 64, y: row, style: style, maxWidth: width - 64)
        }
    }

    private func drawPreview(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        buffer.put(String(repeating: "─", count: width), x: x, y: y, style: theme.dim)
        guard let procedure = selectedProcedure else { return }
        var heading = "\(procedure.code) · \(procedure.title)"
        if let beneficiary = procedure.beneficiary { heading += " · pour : \(beneficiary.label.lowercased())" }
        buffer.put(heading, x: x, y: y + 1, style: theme.title, maxWidth: width)
        for (offset, line) in Self.eligibility(of: procedure, width: width).enumerated() {
            buffer.put(line, x: x, y: y + 2 + offset, maxWidth: width)
        }
        buffer.put(Self.review(of: procedure), x: x, y: y + 4, maxWidth: width)
        let hint = "\(session.keyName(.ouvrir, in: .catalogue)) : fiche pratique"
        let hintX = x + width - DisplayWidth.of(hint)
        buffer.put(Self.pieces(of: procedure), x: x, y: y + 5, maxWidth: hintX - x - 1)
        buffer.put(hint, x: hintX, y: y + 5, style: theme.dim)
    }

    /// The first two lines of « Qui peut demander », the second ending with « … » when cut.
    static func eligibility(of procedure: Procedure, width: Int) -> [String] {
        let flowing = procedure.sheet.eligibility.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lines = WrappedText.lines("Qui peut demander : " + flowing, width: width)
        guard lines.count > 2 else { return lines }
        let rest = WrappedText.lines(lines.dropFirst().joined(separator: " "), width: width - 2)
        return [lines[0], rest[0] + " …"]
    }

    /// « 2 niveaux : instruction puis validation · réponse sous 45 jours ».
    static func review(of procedure: Procedure) -> String {
        let levels = procedure.reviewLevels >= 2
            ? "\(procedure.reviewLevels) niveaux : instruction puis validation"
            : "1 niveau : instruction"
        let days = procedure.deadlineDays == 1 ? "1 jour" : "\(procedure.deadlineDays) jours"
        return "\(levels) · réponse sous \(days)"
    }

    /// « 3 pièces à fournir », « 1 pièce à fournir + 1 facultative », « aucune pièce à fournir ».
    static func pieces(of procedure: Procedure) -> String {
        let required = procedure.pieces.filter(\.required).count
        let optional = procedure.pieces.count - required
        var text = required == 0 ? "aucune pièce à fournir" : "\(required) pièce\(required > 1 ? "s" : "") à fournir"
        if optional > 0 { text += " + \(optional) facultative\(optional > 1 ? "s" : "")" }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    // MARK: - Keys

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ouvrir:
            guard let procedure = selectedProcedure else { return .stay }
            return .push(ProcedureSheetScreen(session: session, procedure: procedure, applicant: applicant))
        case .demarrer:
            guard let procedure = selectedProcedure else {
                session.message = .info("Choisissez d'abord une démarche dans la liste.")
                return .stay
            }
            return Self.start(procedure, for: applicant, session: session)
        case .imprimer:
            guard let procedure = selectedProcedure else { return .stay }
            ProcedureSheetScreen.printSheet(procedure, session: session)
        case .rechercher:
            return .push(TierSearchScreen(session: session))
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            selected = ListCursor.moved(selected, by: action, count: results.count) ?? selected
            cursorOnList = true
        case .retour, .annuler:
            return .pop
        default:
            cursorOnList = false
            if field.handle(event, action: action) { refresh() }
            if let refusal = field.refusal { session.message = .error(refusal) }
        }
        return .stay
    }

    /// Starts the intake of `procedure` for `applicant`, or says how to choose an applicant first.
    static func start(_ procedure: Procedure, for applicant: TierSnapshot?, session: AppSession) -> ScreenOutcome {
        guard let applicant else {
            session.message = .info("Pour démarrer : ouvrez la fiche du demandeur "
                + "(\(session.keyName(.rechercher, in: .catalogue))), puis "
                + "\(session.keyName(.nouveauDossier, in: .fiche)) « \(KeyAction.nouveauDossier.label) ».")
            return .stay
        }
        return IntakeLauncher.start(session: session, procedure: procedure, applicantID: applicant.id)
    }
}
