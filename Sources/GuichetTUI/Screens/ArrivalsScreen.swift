import Foundation
import SIMSModel

/// Arrivées: the files network scanners dropped into the inbox folder. Ready files first (name,
/// size, time, first line of text, and the selected one's first lines below), then those still
/// arriving, then the refused ones with their reason. The folder is scanned again when the screen
/// is shown and at every key. F2 (`joindre`) on a ready file asks its document type, then the
/// tier (search) or the dossier (by its number) it belongs to, and attaches it.
final class ArrivalsScreen: Screen {
    /// Where the attachment journey stands.
    enum Step: Equatable {
        case list
        /// Choosing the document type of `file`.
        case type
        /// Choosing the tier or dossier, the type chosen.
        case owner(DocumentType)
    }

    /// A tier or a dossier offered as the owner of the file.
    enum Candidate: Equatable {
        case dossier(InboxDossier, applicantName: String)
        case tier(SearchHit)

        var label: String {
            switch self {
            case .dossier(let dossier, let name): return "Dossier \(dossier.number) — \(dossier.procedureTitle) — \(name)"
            case .tier(let hit):
                var facts = [hit.displayName]
                if let date = hit.birthDate { facts.append("né(e) le \(FieldValidator.display(date, for: .birthDate))") }
                if let ridet = hit.ridet { facts.append("RIDET \(ridet)") }
                if let commune = hit.commune { facts.append(commune) }
                return facts.joined(separator: " · ")
            }
        }
    }

    let session: AppSession
    let inbox: InboxFolder?
    private let now: () -> Date
    private(set) var files: [InboxFile] = []
    private(set) var selected = 0
    private var firstLine = 0
    /// Why the folder cannot be read, if it cannot.
    private(set) var problem: String?
    private(set) var step: Step = .list
    /// The file being attached.
    private(set) var pending: InboxFile?
    private var typeIndex = 0
    private var field = TextField(maxLength: 80)
    private(set) var candidates: [Candidate] = []
    private var candidateIndex = 0
    /// Whether the cursor is on the selected tier or dossier (after ↑ ↓) rather than in the field.
    private var cursorOnCandidates = false

    init(session: AppSession, inbox: InboxFolder? = nil, now: (() -> Date)? = nil) {
        self.session = session
        self.now = now ?? { session.clock.now() }
        if let inbox {
            self.inbox = inbox
        } else {
            // The session keeps the folder, so that a file seen on an earlier visit of the screen
            // is ready on the next one.
            switch session.inbox {
            case .success(let folder): self.inbox = folder
            case .failure(let error):
                self.inbox = nil
                problem = "\(error)"
            }
        }
        rescan()
    }

    var title: String { "Arrivées" }
    var context: KeymapContext { .arrivees }

    /// The list (Enter there only scans the folder again), the type, then the owner typed.
    var offeredActions: Set<KeyAction> {
        switch step {
        case .list: KeyAction.lineAndPageMoves.union([.joindre, .retour, .annuler])
        case .type: KeyAction.lineAndPageMoves.union([.ouvrir, .retour, .annuler])
        case .owner: TextField.editingActions.union([.ligneSuivante, .lignePrecedente, .ouvrir, .retour, .annuler])
        }
    }

    func didReappear() { rescan() }

    var selectedFile: InboxFile? { files.indices.contains(selected) ? files[selected] : nil }

    /// Scans the folder again, keeping the selection on the same file when it is still there.
    private func rescan() {
        guard let inbox else { return }
        let current = selectedFile?.name
        do {
            files = try inbox.scan(now: now())
            problem = nil
        } catch {
            files = []
            problem = "\(error)"
        }
        if let current, let index = files.firstIndex(where: { $0.name == current }) {
            selected = index
        } else {
            selected = min(selected, max(files.count - 1, 0))
        }
    }

    // MARK: Rendering

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        switch step {
        case .list:
            return renderList(into: &buffer, area: area, theme: theme)
        case .type:
            return renderTypes(into: &buffer, area: area, theme: theme)
        case .owner(let type):
            return renderOwner(type, into: &buffer, area: area, theme: theme)
        }
    }

    private enum Line {
        case section(String)
        case file(Int)
        case note(String)
    }

    private var lines: [Line] {
        var lines: [Line] = []
        let ready = files.indices.filter { files[$0].status == .ready }
        let arriving = files.indices.filter { files[$0].status == .arriving }
        let refused = files.indices.filter { files[$0].refusal != nil }
        lines.append(.section("Prêts à joindre (\(ready.count))"))
        if ready.isEmpty { lines.append(.note("Aucun fichier prêt.")) }
        lines += ready.map(Line.file)
        if !arriving.isEmpty {
            lines.append(.section("En cours d'arrivée (\(arriving.count))"))
            lines += arriving.map(Line.file)
        }
        if !refused.isEmpty {
            lines.append(.section("Refusés (\(refused.count)) : laissés dans le dossier"))
            lines += refused.map(Line.file)
        }
        return lines
    }

    /// Draws the files; returns the cursor's place, on the selected one.
    private func renderList(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let path = inbox?.directory.path ?? "?"
        buffer.put("Dossier : \(path)", x: x, y: area.y, style: theme.dim, maxWidth: width - 22)
        let hint = "Entrée : actualiser"
        buffer.put(hint, x: x + width - DisplayWidth.of(hint), y: area.y, style: theme.dim)
        if let problem {
            buffer.put("✗ \(problem)", x: x, y: area.y + 2, style: theme.error, maxWidth: width)
            return nil
        }
        let headerY = area.y + 1
        drawColumns(into: &buffer, x: x, y: headerY, values: ["Fichier", "Taille", "Reçu le", "Début du texte"],
                    style: theme.columnHeader, width: width)
        let detailY = area.y + area.height - 5
        let rows = detailY - headerY - 1
        let lines = lines
        let selectedLine = lines.firstIndex { if case .file(selected) = $0 { return true } else { return false } } ?? 0
        if selectedLine < firstLine { firstLine = max(selectedLine - 1, 0) }
        if selectedLine >= firstLine + rows { firstLine = selectedLine - rows + 1 }
        firstLine = min(firstLine, max(lines.count - rows, 0))
        var rowCursor: CursorPosition?
        for (offset, line) in lines.dropFirst(firstLine).prefix(rows).enumerated() {
            let y = headerY + 1 + offset
            switch line {
            case .section(let text):
                buffer.put(text, x: x, y: y, style: theme.title, maxWidth: width)
            case .note(let text):
                buffer.put(text, x: x + 2, y: y, style: theme.dim, maxWidth: width - 2)
            case .file(let index):
                if index == selected { rowCursor = CursorPosition(x: x, y: y) }
                drawFile(files[index], selected: index == selected, into: &buffer, x: x, y: y, width: width, theme: theme)
            }
        }
        if lines.count > firstLine + rows {
            buffer.put("↓", x: x + width - 1, y: detailY - 1, style: theme.dim)
        }
        drawDetail(into: &buffer, x: x, y: detailY, width: width, theme: theme)
        return rowCursor
    }

    private static let widths = [30, 9, 12]

    private func drawColumns(into buffer: inout CellBuffer, x: Int, y: Int, values: [String], style: CellStyle, width: Int) {
        var column = x
        for (index, value) in values.enumerated() {
            let room = index < Self.widths.count ? Self.widths[index] - 1 : width - (column - x)
            buffer.put(value, x: column, y: y, style: style, maxWidth: room)
            column += index < Self.widths.count ? Self.widths[index] : 0
        }
    }

    private func drawFile(_ file: InboxFile, selected isSelected: Bool, into buffer: inout CellBuffer,
                          x: Int, y: Int, width: Int, theme: Theme) {
        var style = CellStyle.plain
        var last = file.firstLines.first ?? ""
        var lastStyle = style
        switch file.status {
        case .ready: break
        case .arriving:
            style = theme.dim
            last = "en cours d'arrivée"
            lastStyle = theme.dim
        case .refused(let refusal):
            style = theme.dim
            last = refusal.reason
            lastStyle = theme.error
        }
        if isSelected {
            style = theme.selected
            lastStyle = theme.selected
            ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: theme.selected)
        }
        if file.refusal != nil {
            // The reason needs the room: name, then the reason.
            let nameWidth = 20
            buffer.put("  " + file.name, x: x, y: y, style: style, maxWidth: nameWidth - 1)
            buffer.put(last, x: x + nameWidth, y: y, style: lastStyle, maxWidth: width - nameWidth)
            return
        }
        drawColumns(into: &buffer, x: x, y: y, values: ["  " + file.name, file.sizeLabel, Self.time(file.modified), ""],
                    style: style, width: width)
        let textX = x + Self.widths.reduce(0, +)
        buffer.put(last, x: textX, y: y, style: lastStyle, maxWidth: width - (textX - x))
    }

    /// « 29/11 09:58 », in New Caledonian time.
    static func time(_ date: Date) -> String {
        let french = Timestamp.french(Timestamp.string(from: date)) // 29/11/2026 09:58
        return String(french.prefix(5)) + " " + String(french.suffix(5))
    }

    private func drawDetail(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        buffer.put(String(repeating: "─", count: width), x: x, y: y, style: theme.dim)
        guard let file = selectedFile else {
            buffer.putWrapped("Aucun fichier arrivé : les scanners réseau déposent leurs fichiers dans ce dossier.",
                              x: x, y: y + 1, width: width, style: theme.dim)
            return
        }
        var facts = [file.name]
        if let kind = file.kind { facts.append(kind.label) }
        if file.refusal == nil || file.size > 0 { facts.append(file.sizeLabel) }
        facts.append("reçu le \(Timestamp.french(Timestamp.string(from: file.modified)))")
        buffer.put(facts.joined(separator: " · "), x: x, y: y + 1, style: theme.title, maxWidth: width)
        switch file.status {
        case .ready:
            for (offset, text) in file.firstLines.prefix(3).enumerated() {
                buffer.put(text, x: x, y: y + 2 + offset, maxWidth: width)
            }
        case .arriving:
            buffer.put("En cours d'arrivée : il sera prêt quand il n'aura pas changé pendant quelques secondes.",
                       x: x, y: y + 2, style: theme.dim, maxWidth: width)
            buffer.put("Entrée : actualiser.", x: x, y: y + 3, style: theme.dim, maxWidth: width)
        case .refused(let refusal):
            buffer.put("Refusé : \(refusal.reason).", x: x, y: y + 2, style: theme.error, maxWidth: width)
            buffer.put("Il reste dans le dossier des arrivées, sans être joint.", x: x, y: y + 3, style: theme.dim,
                       maxWidth: width)
        }
    }

    /// Draws the document types; returns the cursor's place, on the selected one.
    private func renderTypes(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Joindre « \(pending?.name ?? "") » : quel type de pièce ?", x: x, y: area.y + 1, style: theme.title,
                   maxWidth: width)
        let types = DocumentType.allCases
        let rows = area.height - 4
        let first = max(0, min(typeIndex - rows + 1, types.count - rows))
        var rowCursor: CursorPosition?
        for (offset, type) in types.dropFirst(first).prefix(rows).enumerated() {
            let index = first + offset
            let y = area.y + 3 + offset
            let style = index == typeIndex ? theme.selected : CellStyle.plain
            if index == typeIndex { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: 40, style: style) }
            buffer.put("  " + type.label, x: x, y: y, style: style, maxWidth: 40)
        }
        buffer.put("Entrée : choisir · Échap : revenir à la liste", x: x + 44, y: area.y + 3, style: theme.dim,
                   maxWidth: width - 44)
        return rowCursor
    }

    private func renderOwner(_ type: DocumentType, into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Joindre « \(pending?.name ?? "") » (\(type.label)) à :", x: x, y: area.y + 1, style: theme.title,
                   maxWidth: width)
        buffer.put("Tiers ou n° de dossier :", x: x, y: area.y + 3)
        let cursor = field.render(into: &buffer, x: x + 25, y: area.y + 3, width: 40, style: theme.focusedField)
        let rows = area.height - 7
        let first = max(0, candidateIndex - rows + 1)
        var rowCursor: CursorPosition?
        for (offset, candidate) in candidates.dropFirst(first).prefix(rows).enumerated() {
            let index = first + offset
            let y = area.y + 5 + offset
            let style = index == candidateIndex ? theme.selected : CellStyle.plain
            if index == candidateIndex { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            buffer.put("  " + candidate.label, x: x, y: y, style: style, maxWidth: width)
        }
        if candidates.isEmpty {
            let note = field.text.isEmpty ? "Tapez un nom, une date de naissance, un RIDET, ou un n° de dossier (BS-2026-000001)."
                                          : "Aucun tiers ni dossier ne correspond."
            buffer.put(note, x: x, y: area.y + 5, style: theme.dim, maxWidth: width)
        }
        buffer.put("Entrée : joindre au tiers ou dossier choisi · Échap : changer le type", x: x, y: area.y + area.height - 1,
                   style: theme.dim, maxWidth: width)
        return cursorOnCandidates ? rowCursor ?? cursor : cursor
    }

    // MARK: Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch step {
        case .list: return handleList(event, action: action)
        case .type: return handleType(action: action)
        case .owner(let type): return handleOwner(event, action: action, type: type)
        }
    }

    private func handleList(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        rescan() // cheap: one directory listing and a few bytes per new file
        switch action {
        case .retour, .annuler:
            return .pop
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            selected = ListCursor.moved(selected, by: action, count: files.count) ?? selected
        case .joindre:
            guard let file = selectedFile else {
                session.message = .info("Aucun fichier à joindre.")
                return .stay
            }
            switch file.status {
            case .refused(let refusal):
                session.message = .error("« \(file.name) » ne peut pas être joint : \(refusal.reason).")
            case .arriving:
                session.message = .info("« \(file.name) » est en cours d'arrivée : patientez, puis Entrée pour actualiser.")
            case .ready:
                pending = file
                typeIndex = 0
                step = .type
            }
        default:
            break // Enter and any other key: the list was scanned again
        }
        return .stay
    }

    private func handleType(action: KeyAction?) -> ScreenOutcome {
        let types = DocumentType.allCases
        switch action {
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            typeIndex = ListCursor.moved(typeIndex, by: action, count: types.count) ?? typeIndex
        case .ouvrir:
            field = TextField(maxLength: 80)
            candidates = []
            candidateIndex = 0
            cursorOnCandidates = false
            step = .owner(types[typeIndex])
        case .retour, .annuler:
            step = .list
            pending = nil
            rescan()
        default:
            break
        }
        return .stay
    }

    private func handleOwner(_ event: KeyEvent, action: KeyAction?, type: DocumentType) -> ScreenOutcome {
        switch action {
        case .ligneSuivante, .lignePrecedente:
            candidateIndex = ListCursor.moved(candidateIndex, by: action, count: candidates.count) ?? candidateIndex
            cursorOnCandidates = true
        case .ouvrir:
            guard candidates.indices.contains(candidateIndex) else {
                session.message = .info("Choisissez d'abord un tiers ou un dossier.")
                return .stay
            }
            attach(to: candidates[candidateIndex], type: type)
        case .retour, .annuler:
            step = .type
        default:
            cursorOnCandidates = false
            if field.handle(event, action: action) { search() }
            if let refusal = field.refusal { session.message = .error(refusal) }
        }
        return .stay
    }

    private func search() {
        let text = field.text
        var found: [Candidate] = []
        do {
            if let dossier = try InboxDossier.find(number: text, in: session.store) {
                let name = (try? TierService(store: session.store).snapshot(id: dossier.applicantID).displayName)
                    ?? "tiers n° \(dossier.applicantID)"
                found.append(.dossier(dossier, applicantName: name))
            }
            found += try TierSearch(store: session.store).search(text, limit: 12).map(Candidate.tier)
        } catch {
            session.message = .error("La recherche a échoué : \(error)")
        }
        candidates = found
        candidateIndex = 0
    }

    private func attach(to candidate: Candidate, type: DocumentType) {
        guard let inbox, let file = pending else { return }
        let owners: [Int64], dossierID: Int64?, target: String
        switch candidate {
        case .dossier(let dossier, let name):
            owners = [dossier.applicantID]
            dossierID = dossier.id
            target = "au dossier \(dossier.number) (\(name))"
        case .tier(let hit):
            owners = [hit.tierID]
            dossierID = nil
            target = "à \(hit.displayName)"
        }
        do {
            let result = try inbox.attach(file, type: type, owners: owners, dossierID: dossierID, by: session.agent,
                                          documents: DocumentService(store: session.store))
            session.ocr?.wake()   // its text is read in the background
            let reused = result.attached.deduplicated ? " (déjà reçue : pièce n° \(result.attached.document.id) réutilisée)" : ""
            if result.archivedAt == nil {
                session.message = .error("Pièce jointe \(target), mais « \(file.name) » n'a pas pu être rangé dans "
                                         + "\(InboxFolder.processedFolderName)/ : retirez-le du dossier des arrivées.")
            } else {
                session.message = .info("Pièce jointe \(target) : \(type.label) (\(file.name))\(reused).")
            }
            step = .list
            pending = nil
            rescan()
        } catch {
            session.message = .error("\(error)")
        }
    }
}
