import Foundation
import SIMSModel

/// Numérisation: scans paper with the counter's scanner (``DocumentScanner``, SANE's
/// `scanimage`) and attaches the PDF to a tier, or to a dossier's required piece.
///
/// Opened from the dossier's pieces tab (F9: the selected piece, for the tier it concerns) or
/// from a tier's record (F4: the document type is chosen first, Up/Down/Enter). The scan runs on
/// a background thread; the screen asks the application for periodic redraws
/// (``wantsTicks``) and shows « Numérisation en cours… page N ». Esc/F12 cancel the scan.
/// Success shows « Pièce jointe : type (N pages) »; an error shows what to do and nothing is
/// attached. F3/Enter go back.
final class ScanScreen: Screen {
    /// Who and what the scan is for.
    struct Target {
        /// The tiers the document belongs to.
        var owners: [Int64]
        /// Whose piece it is, as shown (« WAMYTAN Hélène »).
        var ownerName: String
        /// The dossier it is attached to, if any, and the piece it answers.
        var dossierID: Int64?
        var pieceKey: String?
        /// The piece's label in the procedure, if any (« Avis d'imposition du foyer »).
        var pieceLabel: String?
    }

    /// Where the screen stands.
    enum Phase: Equatable {
        /// Picking the document type (from a tier's record).
        case choosingType
        /// scanimage runs: `page` is the page being scanned (0 before the first).
        case scanning(page: Int)
        /// Stopping after Esc/F12.
        case cancelling
        /// Scanned and attached.
        case attached(AttachedDocument, pages: Int)
        /// Scanning or attaching failed: the message says what to do.
        case failed(String)

        var isRunning: Bool {
            switch self {
            case .scanning, .cancelling: return true
            default: return false
            }
        }
    }

    let session: AppSession
    let target: Target
    let settings: ScanSettings
    let environment: [String: String]
    private(set) var type: DocumentType?
    private(set) var typeSelected = 0
    private let box = PhaseBox()
    private var scanner: DocumentScanner?
    private var worker: Thread?

    /// Scans a dossier's piece, or (type nil) asks the type first. `settings` default to the
    /// `GUICHET_SCANNER*` variables; `environment` is added to scanimage's.
    init(session: AppSession, target: Target, type: DocumentType?,
         settings: ScanSettings = .configured(environment: ProcessInfo.processInfo.environment),
         environment: [String: String] = [:]) {
        self.session = session
        self.target = target
        self.settings = settings
        self.environment = environment
        self.type = type
        box.phase = .choosingType
        if let type { start(type) }
    }

    /// A document for a tier, from its record: the type is asked first.
    convenience init(session: AppSession, tier: TierSnapshot,
                     settings: ScanSettings = .configured(environment: ProcessInfo.processInfo.environment),
                     environment: [String: String] = [:]) {
        self.init(session: session, target: Target(owners: [tier.id], ownerName: tier.displayName), type: nil,
                  settings: settings, environment: environment)
    }

    var title: String { "Numérisation" + (type.map { " : \($0.label)" } ?? "") }
    var context: KeymapContext { .numerisation }
    var offeredActions: Set<KeyAction> {
        switch phase {
        case .choosingType: KeyAction.lineAndPageMoves.union([.champSuivant, .champPrecedent, .ouvrir, .numeriser, .retour, .annuler])
        case .scanning: [.annuler, .retour]
        case .cancelling: []
        case .attached: TextField.editingActions.union([.ouvrir, .retour, .annuler])
        case .failed: [.ouvrir, .retour, .annuler]
        }
    }
    var phase: Phase { box.phase }
    /// Redraw while the scan runs, to show its progress, and until its end has been drawn.
    var wantsTicks: Bool {
        let current = box.phase
        return current.isRunning || current != renderedPhase
    }
    /// The phase the last render showed.
    private var renderedPhase: Phase?

    /// Waits until the background work ends (tests).
    func waitUntilFinished(timeout: TimeInterval = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while phase.isRunning || (worker.map { !$0.isFinished } ?? false) {
            if Date() > deadline { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }

    // MARK: Scanning

    private func start(_ type: DocumentType) {
        self.type = type
        let scanner = DocumentScanner(settings: settings, environment: environment)
        self.scanner = scanner
        box.phase = .scanning(page: 0)
        let box = self.box, target = self.target, store = session.store, agent = session.agent, ocr = session.ocr
        let worker = Thread {
            do {
                let result = try scanner.scan { page in box.update { if case .scanning = $0 { $0 = .scanning(page: page) } } }
                defer { result.discard() }
                if scanner.cancelled { throw ScanError.cancelled }
                let attached = try DocumentService(store: store).attach(
                    fileAt: result.pdf, type: type, pages: result.pages, originalName: "numerisation-\(type.rawValue).pdf",
                    owners: target.owners, dossierID: target.dossierID, pieceKey: target.pieceKey, by: agent)
                box.phase = .attached(attached, pages: result.pages)
                ocr?.wake()   // its text is read in the background
            } catch let error as ScanError {
                box.phase = .failed(error.description)
            } catch {
                box.phase = .failed("La pièce n'a pas pu être jointe : \(error)")
            }
        }
        worker.name = "guichet-numerisation"
        self.worker = worker
        worker.start()
    }

    private func cancel() {
        guard case .scanning = box.phase else { return }
        box.phase = .cancelling
        scanner?.cancel()
    }

    /// Quitting the application (or SIGTERM) stops a scan in progress: nothing is attached.
    func saveDraft() {
        if case .scanning = box.phase { scanner?.cancel() }
    }

    /// The date printed on the piece, typed once it is attached (optional).
    private(set) var dateField = TextField(maxLength: 10)
    /// Whether the date typed was recorded.
    private(set) var dated = false

    /// « 2 pages », « 1 page ».
    static func pages(_ count: Int) -> String { count == 1 ? "1 page" : "\(count) pages" }

    // MARK: Rendering

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        var y = area.y + 1
        let piece = target.pieceLabel ?? type?.label ?? "Pièce à numériser"
        buffer.put(piece, x: x, y: y, style: theme.title, maxWidth: width)
        y += 1
        buffer.put("Pour : \(target.ownerName)" + (target.dossierID.map { " · dossier n° \($0)" } ?? ""),
                   x: x, y: y, style: theme.dim, maxWidth: width)
        y += 2
        let phase = self.phase
        renderedPhase = phase
        switch phase {
        case .choosingType:
            buffer.put("Quel type de pièce numériser ?", x: x, y: y, style: theme.columnHeader, maxWidth: width)
            y += 1
            let all = DocumentType.allCases
            let rows = area.y + area.height - 1 - y
            let first = max(0, min(typeSelected - rows + 1, all.count - rows))
            var typeCursor: CursorPosition?
            for (index, type) in all.enumerated().dropFirst(first).prefix(rows) {
                let selected = index == typeSelected
                if selected { typeCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: 40, style: theme.selected) }
                buffer.put(type.label, x: x + 1, y: y, style: selected ? theme.selected : .plain, maxWidth: 38)
                y += 1
            }
            buffer.put("Haut/Bas : choisir · Entrée : numériser · "
                       + "\(session.keyName(.retour, in: .numerisation)) : retour",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
            return typeCursor
        case .scanning(let page):
            buffer.put(page == 0 ? "Numérisation en cours…" : "Numérisation en cours… page \(page)",
                       x: x, y: y, style: theme.title, maxWidth: width)
            y += 2
            buffer.put(settings.isFlatbed ? "Posez la feuille sur la vitre du scanner."
                                          : "Posez les feuilles dans le chargeur du scanner.",
                       x: x, y: y, style: .plain, maxWidth: width)
            buffer.put("Échap ou \(session.keyName(.annuler, in: .numerisation)) : annuler la numérisation",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
        case .cancelling:
            buffer.put("Annulation de la numérisation…", x: x, y: y, style: theme.title, maxWidth: width)
        case .attached(let attached, let pages):
            let label = type?.label ?? attached.document.type.label
            let line = (attached.deduplicated ? "Pièce déjà jointe : " : "Pièce jointe : ") + "\(label) (\(Self.pages(pages)))"
            buffer.put("✓ " + line, x: x, y: y, style: theme.notice, maxWidth: width)
            y += 2
            if attached.deduplicated {
                for text in WrappedText.lines("Ce fichier était déjà enregistré (pièce n° \(attached.document.id)) :"
                                                + " il est rattaché sans copie supplémentaire.", width: width) {
                    buffer.put(text, x: x, y: y, style: .plain, maxWidth: width)
                    y += 1
                }
            } else {
                buffer.put("Enregistrée en PDF sous le n° \(attached.document.id).", x: x, y: y, style: .plain, maxWidth: width)
            }
            y += 2
            // The date printed on the piece: without it, a piece with a maximum age (justificatif
            // de domicile de moins de 3 mois) cannot be offered again to the next dossier.
            let end = buffer.put("Date figurant sur la pièce (jj/mm/aaaa) : ", x: x, y: y, style: theme.label)
            let cursor = dateField.render(into: &buffer, x: end, y: y, width: 12, style: dated ? theme.field : theme.focusedField)
            buffer.put("Entrée : enregistrer la date et revenir (vide : sans date) · "
                       + "\(session.keyName(.retour, in: .numerisation)) : retour",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
            return cursor
        case .failed(let message):
            for (index, text) in WrappedText.lines(message, width: width - 2).enumerated() {
                buffer.put((index == 0 ? "✗ " : "  ") + text, x: x, y: y, style: theme.error, maxWidth: width)
                y += 1
            }
            y += 1
            buffer.put("Rien n'a été joint.", x: x, y: y, style: .plain, maxWidth: width)
            buffer.put("Entrée ou \(session.keyName(.retour, in: .numerisation)) : retour",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
        }
        return nil
    }

    // MARK: Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch phase {
        case .choosingType:
            let count = DocumentType.allCases.count
            switch action {
            case .champSuivant: typeSelected = ListCursor.moved(typeSelected, by: .ligneSuivante, count: count) ?? typeSelected
            case .champPrecedent: typeSelected = ListCursor.moved(typeSelected, by: .lignePrecedente, count: count) ?? typeSelected
            case let move? where KeyAction.lineAndPageMoves.contains(move):
                typeSelected = ListCursor.moved(typeSelected, by: action, count: count) ?? typeSelected
            case .ouvrir, .numeriser: start(DocumentType.allCases[typeSelected])
            case .retour, .annuler: return .pop
            default: break
            }
        case .scanning:
            switch action {
            case .annuler, .retour: cancel()
            default: session.message = .info("Numérisation en cours : Échap pour l'annuler.")
            }
        case .cancelling:
            break
        case .attached(let attached, let pages):
            let label = type?.label ?? attached.document.type.label
            let done = (attached.deduplicated ? "Pièce déjà jointe : " : "Pièce jointe : ") + "\(label) (\(Self.pages(pages)))"
            switch action {
            case .ouvrir:
                let typed = dateField.text.trimmingCharacters(in: .whitespaces)
                guard !typed.isEmpty else {
                    session.message = .info(done + ".")
                    return .pop
                }
                do {
                    let document = try DocumentService(store: session.store).setIssueDate(documentID: attached.document.id,
                                                                                          typed: typed, by: session.agent)
                    dated = true
                    session.message = .info(done + ", datée du \(DateRule.display(document.issuedOn ?? "")).")
                    return .pop
                } catch {
                    session.message = .error("\(error)")
                }
            case .retour, .annuler:
                session.message = .info(done + ".")
                return .pop
            default:
                dateField.handle(event, action: action)
                if let refusal = dateField.refusal { session.message = .error(refusal) }
            }
        case .failed:
            switch action {
            case .retour, .ouvrir, .annuler: return .pop
            default: break
            }
        }
        return .stay
    }
}

/// The phase shared with the scanning thread.
private final class PhaseBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value: ScanScreen.Phase = .choosingType

    var phase: ScanScreen.Phase {
        get { lock.lock(); defer { lock.unlock() }; return value }
        set { lock.lock(); value = newValue; lock.unlock() }
    }

    /// Changes the phase atomically.
    func update(_ change: (inout ScanScreen.Phase) -> Void) {
        lock.lock()
        change(&value)
        lock.unlock()
    }
}
