import Foundation
import SIMSModel

/// Fiche pratique: the printable text of a procedure (who may apply, what it gives, the pieces,
/// the deadlines, then what the counter checks), scrolled with the arrows and F7/F8. F9 writes it
/// to `fiches/<code>.txt` and prints it when a printer is configured; F2 starts a dossier for the
/// applicant the catalogue was opened for.
final class ProcedureSheetScreen: Screen {
    let session: AppSession
    let procedure: Procedure
    let applicant: TierSnapshot?
    private var viewport = TextViewport()
    /// The first line shown.
    var offset: Int { viewport.offset }

    init(session: AppSession, procedure: Procedure, applicant: TierSnapshot?) {
        self.session = session
        self.procedure = procedure
        self.applicant = applicant
    }

    var title: String { "Fiche pratique \(procedure.code)" }
    var context: KeymapContext { .catalogue }
    var offeredActions: Set<KeyAction> { KeyAction.lineAndPageMoves.union([.demarrer, .imprimer, .retour, .annuler]) }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        viewport.wrap(width: width) { width in
            var lines = ProcedureSheetText.render(procedure, width: width).split(separator: "\n", omittingEmptySubsequences: false)
                .map(String.init)
            if lines.last == "" { lines.removeLast() }
            return lines
        }
        viewport.visibleRows = area.height - 1
        if let applicant {
            let end = buffer.put("Pour : ", x: x, y: area.y, style: theme.title)
            buffer.put(applicant.displayName, x: end, y: area.y, style: theme.title, maxWidth: width - 30)
        } else {
            buffer.put("Consultation (aucun demandeur choisi)", x: x, y: area.y, style: theme.dim, maxWidth: width - 30)
        }
        let position = viewport.position
        buffer.put(position, x: x + width - DisplayWidth.of(position), y: area.y, style: theme.dim)
        for (index, line) in viewport.visibleLines {
            buffer.put(line, x: x, y: area.y + 1 + index - viewport.offset, style: style(ofLine: index, theme: theme), maxWidth: width)
        }
        return nil
    }

    /// The title and the section headings bold, their underlines dim.
    private func style(ofLine index: Int, theme: Theme) -> CellStyle {
        let lines = viewport.lines, line = lines[index]
        if index == 0 { return theme.title }
        if !line.isEmpty, line.allSatisfy({ $0 == "-" || $0 == "=" }) { return theme.dim }
        if index + 1 < lines.count, let next = lines[index + 1].first, next == "-" || next == "=",
           lines[index + 1].allSatisfy({ $0 == next }) {
            return theme.title
        }
        return .plain
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if viewport.scroll(action) { return .stay }
        switch action {
        case .demarrer:
            return ProcedureCatalogScreen.start(procedure, for: applicant, session: session)
        case .imprimer:
            Self.printSheet(procedure, session: session)
        case .retour, .annuler:
            return .pop
        default:
            break
        }
        return .stay
    }

    /// Writes the fiche of `procedure` next to the récépissés and prints it when a printer is
    /// configured; the message line says what happened.
    static func printSheet(_ procedure: Procedure, session: AppSession) {
        let output = ProcedureSheetOutput(receipts: session.receipts)
        let file: URL
        do {
            file = try output.write(procedure)
        } catch {
            session.message = .error("La fiche n'a pas pu être enregistrée dans \(WrappedText.shown(output.directory)) : "
                + "vérifiez que ce dossier est accessible en écriture.")
            return
        }
        let shown = WrappedText.shown(file)
        guard let printer = output.printer else {
            session.message = .info("Aucune imprimante configurée : fiche enregistrée dans \(shown).")
            return
        }
        do {
            try output.print(file)
            session.message = .info("Fiche imprimée sur \(printer) ; enregistrée dans \(shown).")
        } catch {
            session.message = .error("\(error) La fiche est enregistrée dans \(shown).")
        }
    }
}
