import Foundation
import SIMSModel

/// Saisie d'un dossier: the procedure's form with every known field already filled and marked
/// with where it came from, and the pieces checklist (F5). Each field is checked when left and
/// the brouillon saved; F10 submits (one transaction) and shows the récépissé; F3 keeps the
/// brouillon for later; F12 abandons it after confirmation.
final class IntakeScreen: Screen {
    let session: AppSession
    private(set) var intake: Intake
    var procedure: Procedure { intake.procedure }
    private(set) var inputs: [String: TextField] = [:]
    /// The focused field (index into the procedure's fields). Entering a filled field selects
    /// its value (``TextField/selectAll()``): what is typed replaces it, as in a browser's form.
    private(set) var focus = 0 {
        didSet { if focus != oldValue, tab == .fields { inputs[focusedField.key]?.selectAll() } }
    }
    /// The fields in the order of the form and of Tab (indexes into the procedure's fields): on a
    /// renewal, those that usually change (`change_souvent`: an address, a phone, a change of
    /// situation) first, under their own heading; then the others in the procedure's order.
    let order: [Int]
    /// How many fields of ``order`` are the ones that usually change, shown first.
    let usualCount: Int
    /// The heading of the fields that usually change, on a renewal.
    static let usualHeading = "Changent souvent : à vérifier d'abord"
    /// The help line while a filled field's value is selected.
    static let selectedHint = "Valeur sélectionnée : tapez pour la remplacer, → pour la compléter."
    private(set) var errors: [String: String] = [:]
    private(set) var tab: Tab = .fields
    private(set) var pieceSelected = 0
    private(set) var pieces: [String: PieceStatus]
    /// The issue date typed for pieces handed in at the counter.
    private(set) var pieceDates: [String: TextField] = [:]
    private(set) var confirmation: Confirmation?
    /// Lines explaining why the last submission was refused (what a colleague changed).
    private(set) var banner: [String] = []
    private var scroll = 0
    /// The field the agent just left, whose message stays on the help line until fixed.
    private var leftKey: String?
    /// What the OCR read on the pieces of the dossier and of its tiers.
    private(set) var readOnPieces: [TextSuggestion] = []
    /// How many times Ctrl-T was pressed in a row on the focused field (to go through the values).
    private var suggestionTurn = 0
    /// The checklist before the fields changed in this form withdrew the documents proving their
    /// old value (``PieceChecklist/withdrawingProofs(of:from:keeping:)``).
    private var checksOnFile: [PieceCheck]
    /// The pieces whose documents on file no longer prove a changed field, with those fields.
    private(set) var withdrawnProofs: [String: [TierField]] = [:]
    /// While the agent names a field to go to (``KeyAction/allerAuChamp``): its number or the
    /// first letters of its label, as typed so far.
    private(set) var jump: TextField?

    enum Tab { case fields, pieces }

    /// A question the form is waiting for an answer to (o/n).
    enum Confirmation: Equatable {
        case abandon
        case verifiedChange(String)
    }

    /// One line of the form: a section heading or a field (index into the procedure's fields).
    enum Row: Equatable {
        case heading(String)
        case field(Int)
    }

    /// The documents scanned or attached into this dossier (see ``withdrawStaleProofs()``).
    private var attachedHere: Set<Int64> = []

    init(session: AppSession, intake: Intake) {
        self.session = session
        self.intake = intake
        checksOnFile = intake.checks
        pieces = intake.dossier.pieces
        let fields = intake.procedure.fields
        let usual = intake.previous == nil ? [] : fields.indices.filter { fields[$0].usuallyChanges }
        order = usual + fields.indices.filter { !usual.contains($0) }
        usualCount = usual.count
        for field in intake.procedure.fields {
            inputs[field.key] = TextField(text: intake.dossier.answers[field.key] ?? "", maxLength: Self.maxLength(field))
        }
        for (key, status) in pieces {
            if case .handedIn(let issued) = status { pieceDates[key] = TextField(text: issued.map(DateRule.display) ?? "", maxLength: 10) }
        }
        if let key = intake.dossier.focus, let index = procedure.fields.firstIndex(where: { $0.key == key }) {
            focus = index
        } else if let usual = procedure.fields.firstIndex(where: \.usuallyChanges) {
            focus = usual          // the first field that usually changes (`change_souvent`): an address, a phone
        } else if let firstMissing = procedure.fields.firstIndex(where: { $0.required && (inputs[$0.key]?.isEmpty ?? true) }) {
            focus = firstMissing   // the agent starts where something required is missing
        }
        loadReadOnPieces()
        withdrawStaleProofs()
        inputs[focusedField.key]?.selectAll()
    }

    /// The tier fields changed in this form, by side: their value differs from the prefilled one.
    var changedTierFields: [PieceOwner: Set<TierField>] {
        var changed: [PieceOwner: Set<TierField>] = [:]
        for field in procedure.fields {
            guard let prefilled = intake.prefill[field.key], case .fact = prefilled.origin,
                  (inputs[field.key]?.text ?? "") != prefilled.text else { continue }
            switch field.binding {
            case .applicant(let tierField): changed[.applicant, default: []].insert(tierField)
            case .beneficiary(let tierField): changed[.beneficiary, default: []].insert(tierField)
            default: break
            }
        }
        return changed
    }

    /// Stops offering the documents on file that prove a field changed in this form; a piece that
    /// was reusing one becomes missing, and the agent is told why.
    private func withdrawStaleProofs() {
        let attached = Set(((try? DocumentService(store: session.store).documents(ofDossier: intake.dossier.id)) ?? []).map(\.id))
        attachedHere = attached
        let (checks, withdrawn) = PieceChecklist.withdrawingProofs(of: changedTierFields, from: checksOnFile, keeping: attached)
        intake.checks = checks
        withdrawnProofs = withdrawn
        for check in checks {
            guard case .reused(let id) = pieces[check.requirement.key] ?? .missing,
                  !check.reusable.contains(where: { $0.id == id }), let fields = withdrawn[check.requirement.key] else { continue }
            pieces[check.requirement.key] = .missing
            session.message = .info("\(check.requirement.label) : la pièce sur fichier prouve l'ancienne valeur ("
                + fields.map(\.label).joined(separator: ", ").lowercased() + ") ; demandez-en une à jour.")
        }
    }

    /// Gathers the values the OCR read on the pieces of the dossier and of its tiers.
    private func loadReadOnPieces() {
        let documents = DocumentService(store: session.store)
        var texts: [String] = []
        var seen = Set<Int64>()
        let lists = [(try? documents.documents(ofDossier: intake.dossier.id)) ?? [],
                     (try? documents.documents(ownedBy: intake.applicant.id)) ?? [],
                     intake.beneficiary.flatMap { try? documents.documents(ownedBy: $0.id) } ?? []]
        for document in lists.joined() where document.ocrState == .done && seen.insert(document.id).inserted {
            if let text = document.ocrText { texts.append(text) }
        }
        readOnPieces = texts.flatMap { TextSuggestions.extract(from: $0, today: session.clock.today()) }
    }

    /// The values read on the pieces for the focused field.
    var suggestionsForFocus: [String] { FieldSuggestions.values(for: focusedField, from: readOnPieces) }

    static func maxLength(_ field: ProcedureField) -> Int {
        switch field.type {
        case .text(let maxLength): return maxLength + 20
        default: return 200
        }
    }

    var title: String { "Dossier : \(procedure.title)" }
    var context: KeymapContext { .dossier }
    /// A question waiting takes o/n (F12 or Échap: no); naming a field to go to takes its text,
    /// Enter and Échap; otherwise the tab's own keys and the dossier's.
    var offeredActions: Set<KeyAction> {
        if confirmation != nil { return [.annuler] }
        if jump != nil { return TextField.editingActions.union([.annuler, .allerAuChamp]) }
        let common: Set<KeyAction> = [.pieces, .enregistrer, .retour, .annuler, .documents, .allerAuChamp]
        switch tab {
        case .fields:
            return common.union(KeyAction.lineAndPageMoves).union(TextField.editingActions)
                .union([.suggestion, .champSuivant, .champPrecedent])
        case .pieces:
            var offered = common.union([.numeriser, .changerPiece, .ligneSuivante, .lignePrecedente, .champSuivant, .champPrecedent])
            // The date of a piece handed in is a field of its own.
            if intake.checks.indices.contains(pieceSelected), case .handedIn = pieces[intake.checks[pieceSelected].requirement.key] ?? .missing {
                offered.formUnion(TextField.editingActions)
            }
            return offered
        }
    }
    var focusedField: ProcedureField { procedure.fields[focus] }

    /// The answers as typed.
    var answers: [String: String] { inputs.mapValues(\.text).filter { !$0.value.isEmpty } }

    var rows: [Row] {
        var rows: [Row] = []
        if usualCount > 0 {
            rows.append(.heading(Self.usualHeading))
            rows += order.prefix(usualCount).map(Row.field)
        }
        var section = ""
        for index in order.dropFirst(usualCount) {
            let field = procedure.fields[index]
            let name: String
            switch field.binding {
            case .applicant: name = "Demandeur : \(intake.applicant.displayName)"
            case .beneficiary:
                let label = procedure.beneficiary?.label ?? "Bénéficiaire"
                name = label + (intake.beneficiary.map { " : \($0.displayName)" } ?? " (nouveau, créé au dépôt)")
            case .local: name = "Dossier"
            }
            if name != section {
                rows.append(.heading(name))
                section = name
            }
            rows.append(.field(index))
        }
        return rows
    }

    // MARK: Rendering

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let head = "\(procedure.code) · brouillon n° \(intake.dossier.id)"
            + (intake.previous.map { " · reprend \($0.number ?? "n° \($0.id)")" } ?? "")
        buffer.put(head, x: x, y: area.y, style: theme.title, maxWidth: width - 24)
        let tabs = tab == .fields ? "[Champs]  Pièces" : " Champs  [Pièces]"
        buffer.put(tabs + " (\(session.keyName(.pieces, in: .dossier)))", x: x + width - 23, y: area.y, style: theme.dim)
        if let confirmation {
            let question: String
            switch confirmation {
            case .abandon: question = "Abandonner ce dossier ? Le brouillon sera supprimé. (o/n)"
            case .verifiedChange(let text): question = text + " (o/n)"
            }
            var y = area.y + 2
            for line in WrappedText.lines(question, width: width) {
                buffer.put(line, x: x, y: y, style: theme.error, maxWidth: width)
                y += 1
            }
            return nil
        }
        switch tab {
        case .fields: return renderFields(into: &buffer, area: area, theme: theme)
        case .pieces: return renderPieces(into: &buffer, area: area, theme: theme)
        }
    }

    private func renderFields(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let all = rows
        let visible = area.height - 4
        let focusRow = all.firstIndex(of: .field(focus)) ?? 0
        if focusRow < scroll + 1 { scroll = max(focusRow - 1, 0) }
        if focusRow >= scroll + visible { scroll = focusRow - visible + 1 }
        var cursor: CursorPosition?
        var y = area.y + 1
        for row in all.dropFirst(scroll).prefix(visible) {
            switch row {
            case .heading(let name):
                buffer.put(name, x: x, y: y, style: theme.columnHeader, maxWidth: width)
            case .field(let index):
                let field = procedure.fields[index]
                let focused = index == focus
                if jump != nil {
                    // While the agent names a field, each shows its number.
                    let number = String(index + 1)
                    buffer.put(number, x: x + 1 - number.count, y: y, style: theme.notice)
                } else {
                    // The focused field is said in text too: « ▸ » left of its row, as a list's selection.
                    if focused { buffer.put(ListCursor.mark, x: x - 1, y: y) }
                    buffer.put(errors[field.key] != nil ? "✗" : " ", x: x, y: y, style: theme.error)
                }
                let end = buffer.put(field.label, x: x + 2, y: y, style: focused ? theme.title : theme.label,
                                     maxWidth: ProcedureField.maxLabelLength)
                if field.required { buffer.put("*", x: end, y: y, style: theme.required) }
                let style = focused ? theme.focusedField : (errors[field.key] != nil ? theme.error : theme.field)
                let position = inputs[field.key]!.render(into: &buffer, x: x + 33, y: y, width: 28, style: style,
                                                         focused: focused)
                if focused { cursor = position }
                buffer.put(mark(for: field), x: x + 62, y: y, style: theme.dim, maxWidth: width - 62)
            }
            y += 1
        }
        // The form goes on below: say so, rather than let the last rows look like its end.
        let below = all.dropFirst(scroll + visible).filter { if case .field = $0 { return true }; return false }.count
        if below > 0 {
            buffer.put("▼ \(below) champ\(below > 1 ? "s" : "") plus bas", x: x, y: y, style: theme.dim, maxWidth: width)
        }
        var bottom = area.y + area.height - 2
        for line in banner.reversed() where bottom > y {
            buffer.put(line, x: x, y: bottom, style: theme.error, maxWidth: width)
            bottom -= 1
        }
        let problem = errors[focusedField.key] ?? leftKey.flatMap { errors[$0] } ?? errors.values.sorted().first.map { _ in
            "\(errors.count) champ(s) à corriger : ils sont marqués ✗."
        }
        let read = suggestionsForFocus
        // The help line is the body's last; a longer text takes the lines above it too (three at
        // most, below the form's rows).
        func helpLine(_ text: String, style: CellStyle) {
            let lines = CellBuffer.wrappedLines(text, width: width, maxLines: 3).count
            buffer.fill(CellRect(x: x, y: area.y + area.height - lines, width: width, height: lines))
            buffer.putWrapped(text, x: x, y: area.y + area.height - lines, width: width, maxLines: 3, style: style)
        }
        if let jump {
            let prompt = "Aller au champ (n° ou début du libellé, Entrée) : "
            helpLine(prompt, style: theme.title)
            let y = area.y + area.height - 1
            return jump.render(into: &buffer, x: x + DisplayWidth.of(prompt), y: y,
                               width: max(width - DisplayWidth.of(prompt), 4), style: theme.focusedField)
        }
        if let problem {
            helpLine("✗ " + problem, style: theme.error)
        } else if !read.isEmpty {
            helpLine("Lu sur les pièces : \(read.joined(separator: " · ")) — \(session.keyName(.suggestion, in: .dossier)) pour le reprendre",
                     style: theme.notice)
        } else if inputs[focusedField.key]?.isSelected == true {
            helpLine(Self.selectedHint + (focusedField.help.map { " " + $0 } ?? ""), style: theme.dim)
        } else if let help = focusedField.help ?? ProcedureAnswerValidator.hint(for: focusedField) {
            helpLine(help, style: theme.dim)
        }
        return cursor
    }

    /// Where the field's text comes from: « ✔ validé », « ✓ vérifié », « · déclaré », « ↺ repris »,
    /// or « modifié » once the agent changed a prefilled value.
    func mark(for field: ProcedureField) -> String {
        let text = inputs[field.key]?.text ?? ""
        guard let prefilled = intake.prefill[field.key] else { return text.isEmpty ? "" : "saisi" }
        if text != prefilled.text { return "modifié" }
        switch prefilled.origin {
        case .fact(let level, _): return "\(level.mark) \(prefilled.origin.mark)"
        case .previousDossier: return "↺ repris"
        case .nextAfterPrevious: return "↻ suivant"
        }
    }

    private func renderPieces(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Pièces demandées et leur état", x: x, y: area.y + 1, style: theme.columnHeader, maxWidth: width)
        var cursor: CursorPosition?
        var y = area.y + 2
        for (index, check) in intake.checks.enumerated() where y < area.y + area.height - 4 {
            let requirement = check.requirement
            let status = pieces[requirement.key] ?? .missing
            let selected = index == pieceSelected
            let style = selected ? theme.selected : CellStyle.plain
            if selected { cursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, height: 2, style: style) }
            let symbol: String
            let state: String
            switch status {
            case .reused(let id):
                symbol = "✓"
                // A piece scanned or attached into this dossier was handed in today, not on file before.
                state = (attachedHere.contains(id) ? "jointe au dossier : " : "déjà fournie : ")
                    + (check.reusable.first { $0.id == id }?.summary ?? "pièce n° \(id)")
                    + (check.reusable.count > 1 ? " (\(check.reusable.count) pièces valables)" : "")
            case .handedIn:
                symbol = "↓"
                state = "remise au guichet, datée du"
            case .missing where !requirement.applies(to: answers):
                symbol = "·"
                state = "non demandée : " + (requirement.condition.map { "seulement pour \($0.valuesText)" } ?? "")
            case .missing:
                symbol = "✗"
                state = (requirement.required ? "manquante" : "manquante (facultative)")
                    + (check.reusable.isEmpty ? "" : " — \(check.reusable.count) pièce(s) valable(s) au dossier du tiers")
                    + (withdrawnProofs[requirement.key].map { fields in
                        " — celle sur fichier prouve l'ancienne valeur (" + fields.map(\.label).joined(separator: ", ").lowercased() + ")"
                    } ?? "")
            }
            buffer.put(symbol, x: x, y: y, style: status.isProvided || selected ? style : theme.error)
            let beneficiary = (procedure.beneficiary?.label ?? "bénéficiaire").lowercased()
            let owner = requirement.concerns == .beneficiary && !requirement.label.lowercased().contains(beneficiary)
                ? " (\(beneficiary))" : ""
            let age = requirement.maxAgeDays.map { " · moins de \(ProcedureSheetText.ageText(days: $0))" } ?? ""
            buffer.put(requirement.label + owner + age, x: x + 2, y: y, style: style, maxWidth: width - 2)
            let end = buffer.put(state, x: x + 4, y: y + 1, style: style, maxWidth: width - 4)
            if case .handedIn = status, let date = pieceDates[requirement.key] {
                let position = date.render(into: &buffer, x: end + 1, y: y + 1, width: 11,
                                           style: selected ? theme.focusedField : theme.field)
                if selected { cursor = position }
            }
            y += 2
        }
        let missing = intake.checks.filter { !(pieces[$0.requirement.key] ?? .missing).isProvided
            && $0.requirement.applies(to: answers) }.count
        buffer.put(missing == 0 ? "Toutes les pièces sont là." : "\(missing) pièce(s) manquante(s) : elles figureront sur le récépissé.",
                   x: x, y: area.y + area.height - 2, style: missing == 0 ? theme.notice : theme.dim, maxWidth: width)
        if let problem = errors["piece." + (intake.checks.indices.contains(pieceSelected) ? intake.checks[pieceSelected].requirement.key : "")] {
            buffer.put("✗ " + problem, x: x, y: area.y + area.height - 1, style: theme.error, maxWidth: width)
        } else {
            buffer.put("\(session.keyName(.changerPiece, in: .dossier)) : déjà fournie → remise au guichet → manquante",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
        }
        return cursor
    }

    // MARK: Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let confirmation { return answer(confirmation, event, action: action) }
        if jump != nil { return handleJump(event, action: action) }
        banner = []
        switch action {
        case .pieces:
            leaveField()
            tab = tab == .fields ? .pieces : .fields
            return .stay
        case .enregistrer:
            leaveField()
            return submit(confirmingVerifiedChanges: false)
        case .retour:
            leaveField()
            session.message = .info("Brouillon conservé : reprenez-le depuis l'accueil.")
            return .pop
        case .annuler:
            confirmation = .abandon
            return .stay
        case .documents:
            leaveField()
            return .push(DocumentListScreen(session: session, dossierID: intake.dossier.id, ocr: session.ocr))
        case .numeriser where tab == .pieces:
            return scanPiece()
        case .allerAuChamp:
            tab = .fields
            jump = TextField(maxLength: 30)
            return .stay
        default:
            break
        }
        switch tab {
        case .fields: handleField(event, action: action)
        case .pieces: handlePiece(event, action: action)
        }
        return .stay
    }

    /// A key while the agent names the field to go to: Enter goes there, Esc gives up.
    private func handleJump(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch event {
        case .key(.enter, _):
            let typed = jump?.text ?? ""
            guard let target = Self.field(named: typed, in: procedure.fields, after: focus) else {
                session.message = .error("Aucun champ n'a le numéro ou ne commence par « \(typed) » : "
                    + "tapez un numéro de 1 à \(procedure.fields.count) ou le début d'un libellé.")
                return .stay
            }
            jump = nil
            if target != focus {
                leaveField()
                focus = target
            }
        case .key(.escape, _), .key(.function(12), _):
            jump = nil
        default:
            if action == .allerAuChamp { jump = nil; return .stay }
            jump?.handle(event, action: action)
            if let refusal = jump?.refusal { session.message = .error(refusal) }
        }
        return .stay
    }

    /// The index of the field named by `typed`: its number (from 1), or the next field after
    /// `current` whose label or one of its words starts with it (accents and case aside), so that
    /// typing the same letters again goes on to the next such field.
    static func field(named typed: String, in fields: [ProcedureField], after current: Int) -> Int? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        if let number = Int(text) { return fields.indices.contains(number - 1) ? number - 1 : nil }
        let folded = SearchText.fold(text)
        let order = Array(fields.indices[(current + 1)...]) + Array(fields.indices[...current])
        if let found = order.first(where: { SearchText.fold(fields[$0].label).hasPrefix(folded) }) { return found }
        return order.first { SearchText.words(fields[$0].label).contains { $0.hasPrefix(folded) } }
    }

    private func handleField(_ event: KeyEvent, action: KeyAction?) {
        let count = procedure.fields.count
        let position = order.firstIndex(of: focus) ?? 0
        if action != .suggestion { suggestionTurn = 0 }
        switch action {
        case .suggestion:
            let read = suggestionsForFocus
            guard !read.isEmpty else {
                session.message = .info("Rien n'a été lu sur les pièces pour ce champ.")
                return
            }
            inputs[focusedField.key]?.text = read[suggestionTurn % read.count]
            suggestionTurn += 1
            if errors[focusedField.key] != nil, check(focusedField) == nil { errors[focusedField.key] = nil }
        case .champSuivant, .ligneSuivante:
            leaveField()
            focus = order[(position + 1) % count]
        case .champPrecedent, .lignePrecedente:
            leaveField()
            focus = order[(position + count - 1) % count]
        case .pageSuivante:
            leaveField()
            focus = order[min(position + 10, count - 1)]
        case .pagePrecedente:
            leaveField()
            focus = order[max(position - 10, 0)]
        default:
            let key = focusedField.key
            if inputs[key]?.handle(event, action: action) == true, errors[key] != nil, check(focusedField) == nil {
                errors[key] = nil   // the message stays until the value is fixed
            }
            if let refusal = inputs[key]?.refusal { session.message = .error(refusal) }
        }
    }

    private func handlePiece(_ event: KeyEvent, action: KeyAction?) {
        guard !intake.checks.isEmpty else { return }
        let key = intake.checks[pieceSelected].requirement.key
        switch action {
        case .ligneSuivante, .champSuivant:
            leavePiece()
            pieceSelected = min(pieceSelected + 1, intake.checks.count - 1)
        case .lignePrecedente, .champPrecedent:
            leavePiece()
            pieceSelected = max(pieceSelected - 1, 0)
        case .changerPiece:
            cyclePiece()
        default:
            if case .handedIn = pieces[key] ?? .missing, pieceDates[key]?.handle(event, action: action) == true {
                if let refusal = pieceDates[key]?.refusal { session.message = .error(refusal) }
                if errors["piece." + key] != nil, pieceDateError(key) == nil { errors["piece." + key] = nil }
            } else if case .key(.character(" "), _) = event {
                cyclePiece()
            }
        }
    }

    // MARK: Scanning (F9 on the pieces tab)

    /// Opens the scan screen for the selected piece: its type, for the tier it concerns, attached
    /// to this dossier under the piece's key.
    private func scanPiece() -> ScreenOutcome {
        guard intake.checks.indices.contains(pieceSelected) else { return .stay }
        let requirement = intake.checks[pieceSelected].requirement
        let owner = requirement.concerns == .applicant ? intake.applicant : intake.beneficiary
        guard let owner else {
            session.message = .error("Le bénéficiaire n'existe pas encore : déposez le dossier, puis numérisez la pièce depuis sa fiche.")
            return .stay
        }
        leavePiece()
        saveDraft()   // the scan screen writes the piece's status: nothing typed here may overwrite it
        let target = ScanScreen.Target(owners: [owner.id], ownerName: owner.displayName, dossierID: intake.dossier.id,
                                       pieceKey: requirement.key, pieceLabel: requirement.label)
        return .push(ScanScreen(session: session, target: target, type: requirement.documentType))
    }

    /// Back from another screen (a scan may have attached a piece): re-reads the pieces' status
    /// and the documents the tiers have on file.
    func didReappear() {
        guard let fresh = try? DossierService(store: session.store).dossier(id: intake.dossier.id) else { return }
        pieces = fresh.pieces
        intake.dossier.pieces = fresh.pieces
        let documents = DocumentService(store: session.store)
        let mine = (try? documents.documents(ownedBy: intake.applicant.id)) ?? []
        let theirs = intake.beneficiary.flatMap { try? documents.documents(ownedBy: $0.id) } ?? []
        var checks = PieceChecklist.checks(for: procedure, applicantDocuments: mine, beneficiaryDocuments: theirs,
                                           today: session.clock.today())
        // A piece just scanned has no issue date yet: offer it for its piece all the same.
        let attached = (try? documents.documents(ofDossier: intake.dossier.id)) ?? []
        for index in checks.indices {
            if case .reused(let id) = pieces[checks[index].requirement.key],
               !checks[index].reusable.contains(where: { $0.id == id }),
               let document = attached.first(where: { $0.id == id }) {
                checks[index].reusable.insert(document, at: 0)
            }
        }
        checksOnFile = checks
        withdrawStaleProofs()
        loadReadOnPieces()   // the OCR may have read a piece meanwhile
    }

    /// déjà fournie (each document on file) → remise au guichet → manquante → ...
    private func cyclePiece() {
        let check = intake.checks[pieceSelected]
        let key = check.requirement.key
        var options: [PieceStatus] = check.reusable.map { .reused(documentID: $0.id) }
        options += [.handedIn(issuedOn: nil), .missing]
        let current = pieces[key] ?? .missing
        let index = options.firstIndex { Self.sameKind($0, current) } ?? options.count - 1
        let next = options[(index + 1) % options.count]
        pieces[key] = next
        if case .handedIn = next, pieceDates[key] == nil { pieceDates[key] = TextField(maxLength: 10) }
        errors["piece." + key] = nil
        saveDraft()
    }

    private static func sameKind(_ a: PieceStatus, _ b: PieceStatus) -> Bool {
        switch (a, b) {
        case (.reused(let x), .reused(let y)): return x == y
        case (.handedIn, .handedIn), (.missing, .missing): return true
        default: return false
        }
    }

    private func answer(_ question: Confirmation, _ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        guard let yes = YesNoAnswer.read(event, action: action) else {
            session.message = YesNoAnswer.reminder
            return .stay
        }
        confirmation = nil
        switch question {
        case .abandon:
            guard yes else { return .stay }
            do {
                try DossierService(store: session.store).abandon(dossierID: intake.dossier.id, by: session.agent)
                session.message = .info("Dossier abandonné.")
                return .pop
            } catch {
                session.message = .error("\(error)")
            }
        case .verifiedChange:
            if yes { return submit(confirmingVerifiedChanges: true) }
            session.message = .info("Rien n'a été déposé : corrigez le champ ou confirmez.")
        }
        return .stay
    }

    // MARK: Checking, saving, submitting

    /// The message for a field's current text, or nil when it is acceptable.
    func check(_ field: ProcedureField) -> String? {
        do {
            let value = try ProcedureAnswerValidator.normalize(inputs[field.key]?.text ?? "", for: field,
                                                               today: session.clock.today())
            if value == nil, field.required { return "\(field.label) : champ obligatoire." }
            return nil
        } catch {
            return error.message
        }
    }

    private func pieceDateError(_ key: String) -> String? {
        guard let text = pieceDates[key]?.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let label = "Date de la pièce"
        do {
            _ = try DateRule.normalize(text, label: label, notAfter: session.clock.today())
            return nil
        } catch {
            return error.message
        }
    }

    private func leaveField() {
        if tab == .fields {
            let field = focusedField
            errors[field.key] = check(field)
            leftKey = field.key
            showDigitsAsRead(field)
            withdrawStaleProofs()
        } else {
            leavePiece()
        }
        saveDraft()
    }

    /// A date or a phone typed as bare digits (`140385`, `784512`) is shown as it was read
    /// (« 14/03/1985 », « 78.45.12 ») once the field is left, so the agent sees it before F10.
    private func showDigitsAsRead(_ field: ProcedureField) {
        switch field.type {
        case .date, .tierField(.birthDate), .tierField(.phone): break
        default: return
        }
        guard errors[field.key] == nil, let typed = inputs[field.key]?.text, !typed.isEmpty,
              typed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let stored = try? ProcedureAnswerValidator.normalize(typed, for: field, today: session.clock.today()) else { return }
        let shown = ProcedureAnswerValidator.display(stored, for: field)
        if shown != typed { inputs[field.key]?.text = shown }
    }

    private func leavePiece() {
        guard intake.checks.indices.contains(pieceSelected) else { return }
        let key = intake.checks[pieceSelected].requirement.key
        errors["piece." + key] = pieceDateError(key)
    }

    /// The dossier as on screen.
    private var current: Dossier {
        var dossier = intake.dossier
        dossier.answers = answers
        dossier.focus = focusedField.key
        var statuses = pieces
        for (key, status) in pieces {
            if case .handedIn = status {
                let typed = pieceDates[key]?.text ?? ""
                let iso = try? DateRule.normalize(typed, label: "Date de la pièce", notAfter: session.clock.today())
                statuses[key] = .handedIn(issuedOn: iso)
            }
        }
        dossier.pieces = statuses
        return dossier
    }

    func saveDraft() {
        let dossier = current
        do {
            try DossierService(store: session.store).save(dossier)
            intake.dossier = dossier
        } catch {
            session.message = .error("\(error)")
        }
    }

    private func submit(confirmingVerifiedChanges: Bool) -> ScreenOutcome {
        for field in procedure.fields { errors[field.key] = check(field) }
        for check in intake.checks { errors["piece." + check.requirement.key] = pieceDateError(check.requirement.key) }
        errors = errors.filter { $0.value.isEmpty == false }
        if let first = procedure.fields.firstIndex(where: { errors[$0.key] != nil }) {
            tab = .fields
            focus = first
            session.message = .error("\(errors.count) champ(s) à corriger avant de déposer le dossier.")
            return .stay
        }
        if let index = intake.checks.firstIndex(where: { errors["piece." + $0.requirement.key] != nil }) {
            tab = .pieces
            pieceSelected = index
            session.message = .error("Date de pièce à corriger avant de déposer le dossier.")
            return .stay
        }
        saveDraft()
        do {
            let submitted = try DossierService(store: session.store).submit(
                current, procedure: procedure, confirmingVerifiedChanges: confirmingVerifiedChanges, by: session.agent)
            return .replace(ReceiptScreen(session: session, submitted: submitted))
        } catch let change as VerifiedFactChange {
            confirmation = .verifiedChange(change.description)
        } catch let failed as DossierValidationFailed {
            for error in failed.errors { errors[error.key] = error.message }
            if let first = procedure.fields.firstIndex(where: { errors[$0.key] != nil }) {
                tab = .fields
                focus = first
            }
            session.message = .error(failed.errors.first?.message ?? "Dossier incomplet.")
        } catch let stale as StaleTierError {
            let lines = stale.description.split(separator: "\n").map(String.init)
            session.message = .error(lines.first ?? "\(stale)")
            banner = Array(lines.dropFirst())
        } catch {
            session.message = .error("\(error)")
        }
        return .stay
    }
}
