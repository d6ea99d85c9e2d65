import Foundation
import SIMSModel

/// Récépissé: shown once a dossier is submitted. Opening it writes the récépissé to
/// `recepisses/<number>.txt` and prints it when a printer is configured; F9 prints it again;
/// F3, Enter or Esc go back.
///
/// The dossier is already saved when this screen opens: a file or printer failure only affects
/// the paper, and the message says so.
final class ReceiptScreen: Screen {
    let session: AppSession
    let submitted: SubmittedDossier
    /// The written récépissé; nil while it could not be written.
    private(set) var file: URL?
    /// The printer the récépissé was last printed on.
    private(set) var printedOn: String?
    private(set) var offset = 0
    /// The text wrapped for the width it was last drawn at.
    private var lines: [String] = []
    private var wrappedWidth = 0
    /// The rows of text the last frame showed (the page size).
    private var visibleRows = 19

    init(session: AppSession, submitted: SubmittedDossier) {
        self.session = session
        self.submitted = submitted
        deliver()
    }

    var title: String { "Récépissé" }
    var context: KeymapContext { .recepisse }
    var offeredActions: Set<KeyAction> { KeyAction.lineAndPageMoves.union([.imprimer, .retour, .annuler, .ouvrir]) }

    var receipt: Receipt { submitted.receipt }

    // MARK: - File and printer

    /// Writes the récépissé, prints it when a printer is configured, and says what happened.
    private func deliver() {
        let deposited = "Dossier \(receipt.number) déposé"
        guard write(failurePrefix: deposited + " et enregistré, mais") else { return }
        guard let file else { return }
        let path = WrappedText.shown(file)
        guard let printer = session.receipts.printer else {
            session.message = .info("\(deposited). Récépissé enregistré dans \(path).")
            return
        }
        do {
            try session.receipts.print(file)
            printedOn = printer
            session.message = .info("\(deposited). Récépissé imprimé sur \(printer) et enregistré dans \(path).")
        } catch {
            session.message = .error("\(deposited) et récépissé enregistré, mais \(Self.lowercasedFirst("\(error)")) "
                + "\(session.keyName(.imprimer, in: .recepisse)) : réessayer.")
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

    /// Prints again (F9), writing the file first if that failed before.
    private func reprint() {
        guard write(failurePrefix: "Le dossier est bien déposé, mais") else { return }
        guard let file else { return }
        let path = WrappedText.shown(file)
        guard let printer = session.receipts.printer else {
            session.message = .info("Aucune imprimante configurée (GUICHET_IMPRIMANTE) : le récépissé est dans \(path).")
            return
        }
        do {
            try session.receipts.print(file)
            printedOn = printer
            session.message = .info("Récépissé imprimé sur \(printer).")
        } catch {
            session.message = .error("\(error) Le dossier est bien déposé ; le récépissé est dans \(path).")
        }
    }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    // MARK: - Rendering

    private var maxOffset: Int { max(lines.count - visibleRows, 0) }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        if wrappedWidth != width - 4 {
            wrappedWidth = width - 4
            lines = WrappedText.lines(String(receipt.text.dropLast(receipt.text.hasSuffix("\n") ? 1 : 0)),
                                      width: wrappedWidth, hanging: 2)
        }
        visibleRows = area.height - 2
        offset = min(offset, maxOffset)
        var room = width
        if lines.count > visibleRows {
            let position = "lignes \(offset + 1) à \(min(offset + visibleRows, lines.count)) sur \(lines.count)"
            buffer.put(position, x: x + width - DisplayWidth.of(position), y: area.y, style: theme.dim)
            room = width - DisplayWidth.of(position) - 2
        }
        // « Dossier » goes first when the line is short of room: what to do with the paper stays.
        let heading = ["Dossier \(receipt.number) déposé : à remettre au demandeur.",
                       "\(receipt.number) déposé : à remettre au demandeur."].first { DisplayWidth.of($0) <= room }
            ?? "\(receipt.number) déposé : à remettre au demandeur."
        buffer.put(heading, x: x, y: area.y, style: theme.title, maxWidth: room)
        for row in 0..<visibleRows {
            let index = offset + row
            guard lines.indices.contains(index) else { break }
            let style = index < 2 ? theme.title : CellStyle.plain
            buffer.put(lines[index], x: x + 4, y: area.y + 1 + row, style: style, maxWidth: width - 4)
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

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ligneSuivante: offset = min(offset + 1, maxOffset)
        case .lignePrecedente: offset = max(offset - 1, 0)
        case .pageSuivante: offset = min(offset + max(visibleRows - 1, 1), maxOffset)
        case .pagePrecedente: offset = max(offset - max(visibleRows - 1, 1), 0)
        case .imprimer: reprint()
        case .retour, .annuler, .ouvrir: return .pop
        default: break
        }
        return .stay
    }
}
