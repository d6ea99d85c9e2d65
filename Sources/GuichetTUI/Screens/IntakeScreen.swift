import Foundation
import SIMSModel

/// Saisie d'un dossier: the procedure's form with every known field already filled and marked
/// with where it came from, and the pieces checklist (F5). Each field is checked when left and
/// the brouillon saved; F10 submits (one transaction) and shows the récépissé; F3 keeps the
/// brouillon for later; F12 abandons it after confirmation.
package final class IntakeScreen: Screen {
    let session: AppSession
    /// What is typed and where the focus is: the form's state, drawn and driven here.
    private(set) var form: IntakeForm
    /// The heading of the fields that usually change, on a renewal.
    static let usualHeading = "Changent souvent : à vérifier d'abord"
    /// The help line while a filled field's value is selected.
    static let selectedHint = "Valeur sélectionnée : tapez pour la remplacer, → pour la compléter."

    var intake: Intake { form.intake }
    package var procedure: Procedure { form.procedure }
    package var inputs: [String: TextField] { form.inputs }
    package var focus: Int { form.focus }
    package var order: [Int] { form.order }
    var focusedField: ProcedureField { form.focusedField }
    var tab: IntakeForm.Tab { form.tab }
    var pieceSelected: Int { form.pieceSelected }
    var pieces: [String: PieceStatus] { form.pieces }

    package init(session: AppSession, intake: Intake) {
        self.session = session
        form = IntakeForm(intake: intake)
        loadReadOnPieces()
        withdrawStaleProofs()
        let focused = form.focusedField.key
        form.inputs[focused]?.selectAll()
    }

    /// Stops offering the documents on file that prove a field changed in this form; a piece that
    /// was reusing one becomes missing, and the agent is told why.
    private func withdrawStaleProofs() {
        let attached = Set(((try? DocumentService(store: session.store).documents(ofDossier: form.intake.dossier.id)) ?? []).map(\.id))
        for message in form.withdrawProofs(attached: attached) { session.message = .info(message) }
    }

    /// Gathers the values the OCR read on the pieces of the dossier and of its tiers.
    private func loadReadOnPieces() {
        let documents = DocumentService(store: session.store)
        var texts: [String] = []
        var seen = Set<Int64>()
        let lists = [(try? documents.documents(ofDossier: form.intake.dossier.id)) ?? [],
                     (try? documents.documents(ownedBy: form.intake.applicant.id)) ?? [],
                     form.intake.beneficiary.flatMap { try? documents.documents(ownedBy: $0.id) } ?? []]
        for document in lists.joined() where document.ocrState == .done && seen.insert(document.id).inserted {
            if let text = document.ocrText { texts.append(text) }
        }
        form.readOnPieces = texts.flatMap { TextSuggestions.extract(from: $0, today: session.clock.today()) }
    }

    package var title: String { "Dossier : \(form.procedure.title)" }
    package var context: KeymapContext { .dossier }
    /// A question waiting takes o/n (F12 or Échap: no); naming a field to go to takes its text,
    /// Enter and Échap; otherwise the tab's own keys and the dossier's.
    package var offeredActions: Set<KeyAction> {
        if form.confirmation != nil { return [.annuler] }
        if form.jump != nil { return TextField.editingActions.union([.annuler, .allerAuChamp]) }
        let common: Set<KeyAction> = [.pieces, .enregistrer, .retour, .annuler, .documents, .allerAuChamp]
        switch form.tab {
        case .fields:
            return common.union(KeyAction.lineAndPageMoves).union(TextField.editingActions)
                .union([.suggestion, .champSuivant, .champPrecedent])
        case .pieces:
            var offered = common.union([.numeriser, .changerPiece, .ligneSuivante, .lignePrecedente, .champSuivant, .champPrecedent])
            // The date of a piece handed in is a field of its own.
            if form.intake.checks.indices.contains(form.pieceSelected), case .handedIn = form.pieces[form.intake.checks[form.pieceSelected].requirement.key] ?? .missing {
                offered.formUnion(TextField.editingActions)
            }
            return offered
        }
    }
    // MARK: Rendering

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let head = "\(form.procedure.code) · brouillon n° \(form.intake.dossier.id)"
            + (form.intake.previous.map { " · reprend \($0.number ?? "n° \($0.id)")" } ?? "")
        buffer.put(head, x: x, y: area.y, style: theme.title, maxWidth: width - 24)
        let tabs = form.tab == .fields ? "[Champs]  Pièces" : " Champs  [Pièces]"
        buffer.put(tabs + " (\(session.keyName(.pieces, in: .dossier)))", x: x + width - 23, y: area.y, style: theme.dim)
        if let confirmation = form.confirmation {
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
        switch form.tab {
        case .fields: return renderFields(into: &buffer, area: area, theme: theme)
        case .pieces: return renderPieces(into: &buffer, area: area, theme: theme)
        }
    }

    private func renderFields(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let all = form.rows
        let visible = area.height - 4
        let focusRow = all.firstIndex(of: .field(form.focus)) ?? 0
        if focusRow < form.scroll + 1 { form.scroll = max(focusRow - 1, 0) }
        if focusRow >= form.scroll + visible { form.scroll = focusRow - visible + 1 }
        var cursor: CursorPosition?
        var y = area.y + 1
        for row in all.dropFirst(form.scroll).prefix(visible) {
            switch row {
            case .heading(let name):
                buffer.put(name, x: x, y: y, style: theme.columnHeader, maxWidth: width)
            case .field(let index):
                let field = form.procedure.fields[index]
                let focused = index == form.focus
                if form.jump != nil {
                    // While the agent names a field, each shows its number.
                    let number = String(index + 1)
                    buffer.put(number, x: x + 1 - number.count, y: y, style: theme.notice)
                } else {
                    // The focused field is said in text too: « ▸ » left of its row, as a list's selection.
                    if focused { buffer.put(ListCursor.mark, x: x - 1, y: y) }
                    buffer.put(form.errors[field.key] != nil ? "✗" : " ", x: x, y: y, style: theme.error)
                }
                let end = buffer.put(field.label, x: x + 2, y: y, style: focused ? theme.title : theme.label,
                                     maxWidth: ProcedureField.maxLabelLength)
                if field.required { buffer.put("*", x: end, y: y, style: theme.required) }
                let style = focused ? theme.focusedField : (form.errors[field.key] != nil ? theme.error : theme.field)
                let position = form.inputs[field.key]!.render(into: &buffer, x: x + 33, y: y, width: 28, style: style,
                                                         focused: focused)
                if focused { cursor = position }
                buffer.put(form.mark(for: field), x: x + 62, y: y, style: theme.dim, maxWidth: width - 62)
            }
            y += 1
        }
        // The form goes on below: say so, rather than let the last rows look like its end.
        let below = all.dropFirst(form.scroll + visible).filter { if case .field = $0 { return true }; return false }.count
        if below > 0 {
            buffer.put("▼ \(below) champ\(below > 1 ? "s" : "") plus bas", x: x, y: y, style: theme.dim, maxWidth: width)
        }
        var bottom = area.y + area.height - 2
        for line in form.banner.reversed() where bottom > y {
            buffer.put(line, x: x, y: bottom, style: theme.error, maxWidth: width)
            bottom -= 1
        }
        let problem = form.errors[form.focusedField.key] ?? form.leftKey.flatMap { form.errors[$0] } ?? form.errors.values.sorted().first.map { _ in
            (form.errors.count == 1 ? "1 champ à corriger : il est marqué ✗." : "\(form.errors.count) champs à corriger : ils sont marqués ✗.")
        }
        let read = form.suggestionsForFocus
        // The help line is the body's last; a longer text takes the lines above it too (three at
        // most, below the form's rows).
        func helpLine(_ text: String, style: CellStyle) {
            let lines = CellBuffer.wrappedLines(text, width: width, maxLines: 3).count
            buffer.fill(CellRect(x: x, y: area.y + area.height - lines, width: width, height: lines))
            buffer.putWrapped(text, x: x, y: area.y + area.height - lines, width: width, maxLines: 3, style: style)
        }
        if let jump = form.jump {
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
        } else if form.inputs[form.focusedField.key]?.isSelected == true {
            helpLine(Self.selectedHint + (form.focusedField.help.map { " " + $0 } ?? ""), style: theme.dim)
        } else if let help = form.focusedField.help ?? ProcedureAnswerValidator.hint(for: form.focusedField) {
            helpLine(help, style: theme.dim)
        }
        return cursor
    }

    private func renderPieces(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("Pièces demandées et leur état", x: x, y: area.y + 1, style: theme.columnHeader, maxWidth: width)
        var cursor: CursorPosition?
        var y = area.y + 2
        for (index, check) in form.intake.checks.enumerated() where y < area.y + area.height - 4 {
            let requirement = check.requirement
            let status = form.pieces[requirement.key] ?? .missing
            let selected = index == form.pieceSelected
            let style = selected ? theme.selected : CellStyle.plain
            if selected { cursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, height: 2, style: style) }
            let symbol: String
            let state: String
            switch status {
            case .reused(let id):
                symbol = "✓"
                // A piece scanned or attached into this dossier was handed in today, not on file before.
                state = (form.attachedHere.contains(id) ? "jointe au dossier : " : "déjà fournie : ")
                    + (check.reusable.first { $0.id == id }?.summary ?? "pièce n° \(id)")
                    + (check.reusable.count > 1 ? " (\(check.reusable.count) pièces valables)" : "")
            case .handedIn:
                symbol = "↓"
                state = "remise au guichet, datée du"
            case .missing where !requirement.applies(to: form.answers):
                symbol = "·"
                state = "non demandée : " + (requirement.condition.map { "seulement pour \($0.valuesText)" } ?? "")
            case .missing:
                symbol = "✗"
                state = (requirement.required ? "manquante" : "manquante (facultative)")
                    + (check.reusable.isEmpty ? "" : " — " + FrenchCount.of(check.reusable.count, "pièce valable", "pièces valables") + " au dossier du tiers")
                    + (form.withdrawnProofs[requirement.key].map { fields in
                        " — celle sur fichier prouve l'ancienne valeur (" + fields.map(\.label).joined(separator: ", ").lowercased() + ")"
                    } ?? "")
            }
            buffer.put(symbol, x: x, y: y, style: status.isProvided || selected ? style : theme.error)
            let beneficiary = (form.procedure.beneficiary?.label ?? "bénéficiaire").lowercased()
            let owner = requirement.concerns == .beneficiary && !requirement.label.lowercased().contains(beneficiary)
                ? " (\(beneficiary))" : ""
            let age = requirement.maxAgeDays.map { " · moins de \(ProcedureSheetText.ageText(days: $0))" } ?? ""
            buffer.put(requirement.label + owner + age, x: x + 2, y: y, style: style, maxWidth: width - 2)
            let end = buffer.put(state, x: x + 4, y: y + 1, style: style, maxWidth: width - 4)
            if case .handedIn = status, let date = form.pieceDates[requirement.key] {
                let position = date.render(into: &buffer, x: end + 1, y: y + 1, width: 11,
                                           style: selected ? theme.focusedField : theme.field)
                if selected { cursor = position }
            }
            y += 2
        }
        let missing = form.intake.checks.filter { !(form.pieces[$0.requirement.key] ?? .missing).isProvided
            && $0.requirement.applies(to: form.answers) }.count
        buffer.put(missing == 0 ? "Toutes les pièces sont là." : (missing == 1 ? "1 pièce manquante : elle figurera sur le récépissé." : "\(missing) pièces manquantes : elles figureront sur le récépissé."),
                   x: x, y: area.y + area.height - 2, style: missing == 0 ? theme.notice : theme.dim, maxWidth: width)
        if let problem = form.errors["piece." + (form.intake.checks.indices.contains(form.pieceSelected) ? form.intake.checks[form.pieceSelected].requirement.key : "")] {
            buffer.put("✗ " + problem, x: x, y: area.y + area.height - 1, style: theme.error, maxWidth: width)
        } else {
            buffer.put("\(session.keyName(.changerPiece, in: .dossier)) : déjà fournie → remise au guichet → manquante",
                       x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
        }
        return cursor
    }

    // MARK: Keys

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let confirmation = form.confirmation { return answer(confirmation, event, action: action) }
        if form.jump != nil { return handleJump(event, action: action) }
        form.banner = []
        switch action {
        case .pieces:
            leaveField()
            form.tab = form.tab == .fields ? .pieces : .fields
            return .stay
        case .enregistrer:
            leaveField()
            return submit(confirmingVerifiedChanges: false)
        case .retour:
            leaveField()
            session.message = .info("Brouillon conservé : reprenez-le depuis l'accueil.")
            return .pop
        case .annuler:
            form.confirmation = .abandon
            return .stay
        case .documents:
            leaveField()
            return .push(DocumentListScreen(session: session, dossierID: form.intake.dossier.id, ocr: session.ocr))
        case .numeriser where form.tab == .pieces:
            return scanPiece()
        case .allerAuChamp:
            form.tab = .fields
            form.jump = TextField(maxLength: 30)
            return .stay
        default:
            break
        }
        switch form.tab {
        case .fields: handleField(event, action: action)
        case .pieces: handlePiece(event, action: action)
        }
        return .stay
    }

    /// A key while the agent names the field to go to: Enter goes there, Esc gives up.
    private func handleJump(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch event {
        case .key(.enter, _):
            let typed = form.jump?.text ?? ""
            guard let target = IntakeForm.field(named: typed, in: form.procedure.fields, after: form.focus) else {
                session.message = .error("Aucun champ n'a le numéro ou ne commence par « \(typed) » : "
                    + "tapez un numéro de 1 à \(form.procedure.fields.count) ou le début d'un libellé.")
                return .stay
            }
            form.jump = nil
            if target != form.focus {
                leaveField()
                form.focus = target
            }
        case .key(.escape, _), .key(.function(12), _):
            form.jump = nil
        default:
            if action == .allerAuChamp { form.jump = nil; return .stay }
            form.jump?.handle(event, action: action)
            if let refusal = form.jump?.refusal { session.message = .error(refusal) }
        }
        return .stay
    }

    private func handleField(_ event: KeyEvent, action: KeyAction?) {
        let count = form.procedure.fields.count
        let position = form.order.firstIndex(of: form.focus) ?? 0
        if action != .suggestion { form.suggestionTurn = 0 }
        switch action {
        case .suggestion:
            let read = form.suggestionsForFocus
            guard !read.isEmpty else {
                session.message = .info("Rien n'a été lu sur les pièces pour ce champ.")
                return
            }
            let field = form.focusedField, value = read[form.suggestionTurn % read.count]
            form.inputs[field.key]?.text = value
            form.suggestionTurn += 1
            if form.errors[field.key] != nil, form.check(field, today: session.clock.today()) == nil { form.errors[field.key] = nil }
        case .champSuivant, .ligneSuivante:
            leaveField()
            form.focus = form.order[(position + 1) % count]
        case .champPrecedent, .lignePrecedente:
            leaveField()
            form.focus = form.order[(position + count - 1) % count]
        case .pageSuivante:
            leaveField()
            form.focus = form.order[min(position + 10, count - 1)]
        case .pagePrecedente:
            leaveField()
            form.focus = form.order[max(position - 10, 0)]
        default:
            let key = form.focusedField.key
            if form.inputs[key]?.handle(event, action: action) == true, form.errors[key] != nil, form.check(form.focusedField, today: session.clock.today()) == nil {
                form.errors[key] = nil   // the message stays until the value is fixed
            }
            if let refusal = form.inputs[key]?.refusal { session.message = .error(refusal) }
        }
    }

    private func handlePiece(_ event: KeyEvent, action: KeyAction?) {
        guard !form.intake.checks.isEmpty else { return }
        let key = form.intake.checks[form.pieceSelected].requirement.key
        switch action {
        case .ligneSuivante, .champSuivant:
            leavePiece()
            form.pieceSelected = min(form.pieceSelected + 1, form.intake.checks.count - 1)
        case .lignePrecedente, .champPrecedent:
            leavePiece()
            form.pieceSelected = max(form.pieceSelected - 1, 0)
        case .changerPiece:
            cyclePiece()
        default:
            if case .handedIn = form.pieces[key] ?? .missing, form.pieceDates[key]?.handle(event, action: action) == true {
                if let refusal = form.pieceDates[key]?.refusal { session.message = .error(refusal) }
                if form.errors["piece." + key] != nil, form.pieceDateError(key, today: session.clock.today()) == nil { form.errors["piece." + key] = nil }
            } else if case .key(.character(" "), _) = event {
                cyclePiece()
            }
        }
    }

    // MARK: Scanning (F9 on the pieces tab)

    /// Opens the scan screen for the selected piece: its type, for the tier it concerns, attached
    /// to this dossier under the piece's key.
    private func scanPiece() -> ScreenOutcome {
        guard form.intake.checks.indices.contains(form.pieceSelected) else { return .stay }
        let requirement = form.intake.checks[form.pieceSelected].requirement
        let owner = requirement.concerns == .applicant ? form.intake.applicant : form.intake.beneficiary
        guard let owner else {
            session.message = .error("Le bénéficiaire n'existe pas encore : déposez le dossier, puis numérisez la pièce depuis sa fiche.")
            return .stay
        }
        leavePiece()
        saveDraft()   // the scan screen writes the piece's status: nothing typed here may overwrite it
        let target = ScanScreen.Target(owners: [owner.id], ownerName: owner.displayName, dossierID: form.intake.dossier.id,
                                       pieceKey: requirement.key, pieceLabel: requirement.label)
        return .push(ScanScreen(session: session, target: target, type: requirement.documentType))
    }

    /// Back from another screen (a scan may have attached a piece): re-reads the pieces' status
    /// and the documents the tiers have on file.
    package func didReappear() {
        guard let fresh = try? DossierService(store: session.store).dossier(id: form.intake.dossier.id) else { return }
        form.pieces = fresh.pieces
        form.intake.dossier.pieces = fresh.pieces
        let documents = DocumentService(store: session.store)
        let mine = (try? documents.documents(ownedBy: form.intake.applicant.id)) ?? []
        let theirs = form.intake.beneficiary.flatMap { try? documents.documents(ownedBy: $0.id) } ?? []
        var checks = PieceChecklist.checks(for: form.procedure, applicantDocuments: mine, beneficiaryDocuments: theirs,
                                           today: session.clock.today())
        // A piece just scanned has no issue date yet: offer it for its piece all the same.
        let attached = (try? documents.documents(ofDossier: form.intake.dossier.id)) ?? []
        for index in checks.indices {
            if case .reused(let id) = form.pieces[checks[index].requirement.key],
               !checks[index].reusable.contains(where: { $0.id == id }),
               let document = attached.first(where: { $0.id == id }) {
                checks[index].reusable.insert(document, at: 0)
            }
        }
        form.checksOnFile = checks
        withdrawStaleProofs()
        loadReadOnPieces()   // the OCR may have read a piece meanwhile
    }

    /// déjà fournie (each document on file) → remise au guichet → manquante → ...
    private func cyclePiece() {
        form.cyclePiece()
        saveDraft()
    }

    private func answer(_ question: IntakeForm.Confirmation, _ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        guard let yes = YesNoAnswer.read(event, action: action) else {
            session.message = YesNoAnswer.reminder
            return .stay
        }
        form.confirmation = nil
        switch question {
        case .abandon:
            guard yes else { return .stay }
            do {
                try DossierService(store: session.store).abandon(dossierID: form.intake.dossier.id, by: session.agent)
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

    private func leaveField() {
        if form.tab == .fields {
            form.leaveField(today: session.clock.today())
            withdrawStaleProofs()
        } else {
            leavePiece()
        }
        saveDraft()
    }

    private func leavePiece() { form.leavePiece(today: session.clock.today()) }

    package func saveDraft() {
        let dossier = form.dossier(today: session.clock.today())
        do {
            try DossierService(store: session.store).save(dossier)
            form.intake.dossier = dossier
        } catch {
            session.message = .error("\(error)")
        }
    }

    private func submit(confirmingVerifiedChanges: Bool) -> ScreenOutcome {
        if let problem = form.checkAll(today: session.clock.today()) {
            session.message = .error(problem)
            return .stay
        }
        saveDraft()
        do {
            let submitted = try DossierService(store: session.store).submit(
                form.dossier(today: session.clock.today()), procedure: form.procedure, confirmingVerifiedChanges: confirmingVerifiedChanges, by: session.agent)
            return .replace(ReceiptScreen(session: session, submitted: submitted))
        } catch let change as VerifiedFactChange {
            form.confirmation = .verifiedChange(change.description)
        } catch let failed as DossierValidationFailed {
            for error in failed.errors { form.errors[error.key] = error.message }
            if let first = form.procedure.fields.firstIndex(where: { form.errors[$0.key] != nil }) {
                form.tab = .fields
                form.focus = first
            }
            session.message = .error(failed.errors.first?.message ?? "Dossier incomplet.")
        } catch let stale as StaleTierError {
            form.banner = StaleTierRefusal.shown(stale, on: session)
        } catch {
            session.message = .error("\(error)")
        }
        return .stay
    }
}
