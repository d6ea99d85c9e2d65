import Foundation
import SIMSModel

/// Récépissé: shown once a dossier is submitted. Opening it writes the récépissé to
/// `recepisses/<number>.txt` and prints it when a printer is configured; F9 prints it again;
/// F3, Enter or Esc go back.
///
/// The dossier is already saved when this screen opens: a file or printer failure only affects
/// the paper, and the message says so.
package final class ReceiptScreen: Screen {
    let session: AppSession
    let submitted: SubmittedDossier
    /// The written récépissé; nil while it could not be written.
    private(set) var file: URL?
    /// The printer the récépissé was last printed on.
    private(set) var printedOn: String?
    private var viewport = TextViewport()
    /// The first line shown.
    var offset: Int { viewport.offset }

    package init(session: AppSession, submitted: SubmittedDossier) {
        self.session = session
        self.submitted = submitted
        deliver()
    }

    package var title: String { "Récépissé" }
    package var context: KeymapContext { .recepisse }
    package var offeredActions: Set<KeyAction> { KeyAction.lineAndPageMoves.union([.imprimer, .retour, .annuler, .ouvrir]) }

    var receipt: Receipt { submitted.receipt }

    // MARK: - File and printer

    /// Writes the récépissé, prints it when a printer is configured, and says what happened.
    private func deliver() {
        let deposited = "Dossier \(receipt.number) déposé"
        let retry = "\(session.keyName(.imprimer, in: .recepisse)) : réessayer."
        printReceipt(failurePrefix: deposited + " et enregistré, mais",
                     noPrinter: { "\(deposited). Récépissé enregistré dans \($0)." },
                     printed: { "\(deposited). Récépissé imprimé sur \($0) et enregistré dans \($1)." },
                     failed: { error, _ in "\(deposited) et récépissé enregistré, mais \(Self.lowercasedFirst(error)) \(retry)" })
    }

    /// Prints again (F9), writing the file first if that failed before.
    private func reprint() {
        printReceipt(failurePrefix: "Le dossier est bien déposé, mais",
                     noPrinter: { "Aucune imprimante configurée (GUICHET_IMPRIMANTE) : le récépissé est dans \($0)." },
                     printed: { printer, _ in "Récépissé imprimé sur \(printer)." },
                     failed: { error, path in "\(error) Le dossier est bien déposé ; le récépissé est dans \(path)." })
    }

    /// Writes the file if it is not yet, prints it when a printer is configured, and sets the
    /// message the caller words (`noPrinter(path)`, `printed(printer, path)`, `failed(error, path)`).
    private func printReceipt(failurePrefix: String, noPrinter: (String) -> String, printed: (String, String) -> String,
                              failed: (String, String) -> String) {
        guard write(failurePrefix: failurePrefix), let file else { return }
        let path = WrappedText.shown(file)
        guard let printer = session.receipts.printer else {
            session.message = .info(noPrinter(path))
            return
        }
        do {
            try session.receipts.print(file)
            printedOn = printer
            session.message = .info(printed(printer, path))
        } catch {
            session.message = .error(failed("\(error)", path))
        }
    }

    /// Writes the file when it is not written yet; on failure sets the error message (after
    /// `failurePrefix`) and returns false.
    private func write(failurePrefix: String) -> Bool {
        if file != nil { return true }
        do {
            file = try session.receipts.write(receipt)
            return true
        } catch {
            session.message = .error("\(failurePrefix) le récépissé n'a pas pu être écrit dans "
                + "\(WrappedText.shown(session.receipts.directory)) (droits d'accès ?) ; "
                + "\(session.keyName(.imprimer, in: .recepisse)) : réessayer.")
            return false
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    // MARK: - Rendering

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let text = String(receipt.text.dropLast(receipt.text.hasSuffix("\n") ? 1 : 0))
        viewport.wrap(width: width - 4) { WrappedText.lines(text, width: $0, hanging: 2) }
        viewport.visibleRows = area.height - 2
        var room = width
        if viewport.scrolls {
            let position = viewport.position
            buffer.put(position, x: x + width - DisplayWidth.of(position), y: area.y, style: theme.dim)
            room = width - DisplayWidth.of(position) - 2
        }
        // « Dossier » goes first when the line is short of room: what to do with the paper stays.
        let heading = ["Dossier \(receipt.number) déposé : à remettre au demandeur.",
                       "\(receipt.number) déposé : à remettre au demandeur."].first { DisplayWidth.of($0) <= room }
            ?? "\(receipt.number) déposé : à remettre au demandeur."
        buffer.put(heading, x: x, y: area.y, style: theme.title, maxWidth: room)
        for (index, line) in viewport.visibleLines {
            let style = index < 2 ? theme.title : CellStyle.plain
            buffer.put(line, x: x + 4, y: area.y + 1 + index - viewport.offset, style: style, maxWidth: width - 4)
        }
        let statusY = area.y + area.height - 1
        if let file {
            let printed = printedOn.map { " · imprimé sur \($0)" }
                ?? (session.receipts.printer == nil ? " · pas d'imprimante" : " · non imprimé")
            let path = WrappedText.shown(file)
            let room = width - DisplayWidth.of("Fichier : ") - DisplayWidth.of(printed)
            let clipped = DisplayWidth.of(path) <= room ? path : "…" + String(path.suffix(max(room - 1, 1)))
            buffer.put("Fichier : \(clipped)\(printed)", x: x, y: statusY, style: theme.dim, maxWidth: width)
        } else {
            buffer.put("Récépissé non enregistré : \(session.keyName(.imprimer, in: .recepisse)) pour réessayer.",
                       x: x, y: statusY, style: theme.error, maxWidth: width)
        }
        return nil
    }

    // MARK: - Keys

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if viewport.scroll(action) { return .stay }
        switch action {
        case .imprimer: reprint()
        case .retour, .annuler, .ouvrir: return .pop
        default: break
        }
        return .stay
    }
}
