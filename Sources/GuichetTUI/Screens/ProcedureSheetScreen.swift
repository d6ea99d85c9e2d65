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
    private(set) var offset = 0
    /// The text wrapped for the width it was last drawn at.
    private var lines: [String] = []
    private var wrappedWidth = 0
    /// The rows of text the last frame showed (the page size).
    private var visibleRows = 19

    init(session: AppSession, procedure: Procedure, applicant: TierSnapshot?) {
        self.session = session
        self.procedure = procedure
        self.applicant = applicant
    }

    var title: String { "Fiche pratique \(procedure.code)" }
    var context: KeymapContext { .catalogue }
    var offeredActions: Set<KeyAction> { KeyAction.lineAndPageMoves.union([.demarrer, .imprimer, .retour, .annuler]) }

    private func wrap(width: Int) {
        guard width != wrappedWidth else { return }
        wrappedWidth = width
        lines = ProcedureSheetText.render(procedure, width: width).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
    }

    private var maxOffset: Int { max(lines.count - visibleRows, 0) }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        wrap(width: width)
        visibleRows = area.height - 1
        offset = min(offset, maxOffset)
        if let applicant {
            let end = buffer.put("Pour : ", x: x, y: area.y, style: theme.title)
            buffer.put(applicant.displayName, x: end, y: area.y, style: theme.title, maxWidth: width - 30)
        } else {
            buffer.put("Consultation (aucun demandeur choisi)", x: x, y: area.y, style: theme.dim, maxWidth: width - 30)
        }
        let last = min(offset + visibleRows, lines.count)
        let position = lines.count <= visibleRows ? "\(lines.count) lignes"
                                                  : "lignes \(offset + 1) à \(last) sur \(lines.count)"
        buffer.put(position, x: x + width - DisplayWidth.of(position), y: area.y, style: theme.dim)
        for row in 0..<visibleRows {
            let index = offset + row
            guard lines.indices.contains(index) else { break }
            buffer.put(lines[index], x: x, y: area.y + 1 + row, style: style(ofLine: index, theme: theme), maxWidth: width)
        }
        return nil
    }

    /// The title and the section headings bold, their underlines dim.
    private func style(ofLine index: Int, theme: Theme) -> CellStyle {
        let line = lines[index]
        if index == 0 { return theme.title }
        if !line.isEmpty, line.allSatisfy({ $0 == "-" || $0 == "=" }) { return theme.dim }
        if index + 1 < lines.count, let next = lines[index + 1].first, next == "-" || next == "=",
           lines[index + 1].allSatisfy({ $0 == next }) {
            return theme.title
        }
        return .plain
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ligneSuivante: offset = min(offset + 1, maxOffset)
        case .lignePrecedente: offset = max(offset - 1, 0)
        case .pageSuivante: offset = min(offset + max(visibleRows - 1, 1), maxOffset)
        case .pagePrecedente: offset = max(offset - max(visibleRows - 1, 1), 0)
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
