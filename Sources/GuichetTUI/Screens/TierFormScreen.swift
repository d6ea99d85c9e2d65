import SIMSModel

/// Saisie tier, new or edit: a full-screen form. Tab and Shift-Tab move between fields; each
/// field is validated when left, its message shown until it is fixed; required fields are
/// marked; cancelling asks first when something changed; what is typed is kept as a draft at
/// every field exit. While a new person is typed, likely duplicates appear in a side panel as
/// soon as the name and birth date are there, and the agent can open one instead of creating.
/// Saving a new tier while a candidate is likely (``DuplicateFinder/askThreshold``) asks first,
/// whichever field has the focus: open that record, create anyway (the creation event names the
/// candidate), or go back to the form.
package final class TierFormScreen: Screen {
    let session: AppSession
    let kind: TierKind
    let fields: [TierField]
    /// The tier being edited, nil for a new one.
    private(set) var editing: TierSnapshot?
    private(set) var inputs: [TierField: TextField] = [:]
    private var original: [TierField: String] = [:]
    private(set) var focus = 0
    private(set) var errors: [TierField: String] = [:]
    private(set) var duplicates: [DuplicateCandidate] = []
    /// The candidate of the panel that F6 opens (chosen with F7/F8 or PgUp/PgDn).
    private(set) var duplicateSelected = 0
    /// Whether the panel has looked (the names and birth date, or the RIDET or name, are typed).
    private var duplicatesSearched = false
    private(set) var confirmation: Confirmation?
    /// Lines explaining why the last save was refused (what changed meanwhile).
    private(set) var banner: [String] = []
    private var draft: TierDraft?

    /// A question the form is waiting for an answer to (o/n).
    enum Confirmation: Equatable {
        case abandon
        case verifiedChange(String)
        /// A likely duplicate: o opens it, c creates anyway, Esc goes back.
        case duplicate(DuplicateCandidate)
    }

    /// A new tier, possibly with values already known (from the search field).
    package init(session: AppSession, kind: TierKind, prefill: [TierField: String] = [:]) {
        self.session = session
        self.kind = kind
        fields = TierField.fields(of: kind)
        for field in fields { inputs[field] = TextField(text: prefill[field] ?? "", maxLength: Self.maxLength(field)) }
        original = [:]
    }

    /// Editing an existing tier: the form starts from its current values.
    package init(session: AppSession, editing snapshot: TierSnapshot) {
        self.session = session
        kind = snapshot.kind
        fields = TierField.fields(of: kind)
        editing = snapshot
        for field in fields {
            let shown = snapshot.value(field).map { FieldValidator.display($0, for: field) } ?? ""
            original[field] = shown
            inputs[field] = TextField(text: shown, maxLength: Self.maxLength(field))
        }
    }

    /// A form taken back from a draft.
    package convenience init(session: AppSession, draft: TierDraft) {
        if let tierID = draft.tierID, let snapshot = try? TierService(store: session.store).snapshot(id: tierID) {
            self.init(session: session, editing: snapshot)
            if let version = draft.tierVersion, version != snapshot.version {
                session.message = .error("Cette fiche a été modifiée depuis votre brouillon : vérifiez avant d'enregistrer.")
            }
        } else {
            self.init(session: session, kind: draft.kind)
        }
        for (field, text) in draft.values where inputs[field] != nil { inputs[field]?.text = text }
        if let focused = draft.focus, let index = fields.firstIndex(of: focused) { focus = index }
        self.draft = draft
        revalidateAll(onlyFilled: true)
        refreshDuplicates()
    }

    /// How many candidates the panel shows.
    static let shownDuplicates = 3

    static func maxLength(_ field: TierField) -> Int {
        switch field {
        case .address: return 200
        case .givenNames, .companyName: return 120
        default: return 80
        }
    }

    package var title: String {
        if let editing { return "Modification : \(editing.displayName)" }
        return kind == .person ? "Nouvelle personne" : "Nouvelle organisation"
    }

    package var context: KeymapContext { .saisie }

    /// While a question waits, only its answers (and F12/Échap, which goes back); otherwise the
    /// fields, saving, cancelling, and on a new tier the « Déjà connus ? » panel: F6 opens its ▸
    /// when it lists a record, F7/F8 move the ▸ when it lists more than one.
    package var offeredActions: Set<KeyAction> {
        if confirmation != nil { return [.annuler] }
        var offered: Set<KeyAction> = [.champSuivant, .champPrecedent, .ligneSuivante, .lignePrecedente, .enregistrer,
                                       .annuler, .retour]
        offered.formUnion(TextField.editingActions)
        if !duplicates.isEmpty { offered.insert(.ouvrirDoublon) }
        if min(duplicates.count, Self.shownDuplicates) > 1 { offered.formUnion([.doublonPrecedent, .doublonSuivant]) }
        return offered
    }

    var focusedField: TierField { fields[focus] }

    /// The text typed in each field.
    var typed: [TierField: String] { inputs.mapValues(\.text) }

    /// Whether anything differs from where the form started.
    var isDirty: Bool {
        fields.contains { (inputs[$0]?.text ?? "") != (original[$0] ?? "") }
    }

    // MARK: Rendering

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1
        let showPanel = editing == nil
        let fieldWidth = showPanel ? 32 : 56
        buffer.put(editing == nil ? "Saisie d'une \(kind.label.lowercased())" : "Modification de la fiche n° \(editing!.id)",
                   x: x, y: area.y, style: theme.title)
        buffer.put("* obligatoire", x: x + 21 + fieldWidth - 13, y: area.y, style: theme.dim)
        var cursor: CursorPosition?
        for (index, field) in fields.enumerated() {
            let y = area.y + 2 + index
            let required = field.isRequired(for: kind)
            let marker = errors[field] != nil ? "✗" : " "
            // The focused field is said in text too: « ▸ » left of its row, as a list's selection.
            if index == focus { buffer.put(ListCursor.mark, x: x - 1, y: y) }
            buffer.put(marker, x: x, y: y, style: theme.error)
            let end = buffer.put(field.label, x: x + 1, y: y, style: index == focus ? theme.title : theme.label, maxWidth: 18)
            if required { buffer.put("*", x: end, y: y, style: theme.required) }
            let style = index == focus ? theme.focusedField : (errors[field] != nil ? theme.error : theme.field)
            let position = inputs[field]!.render(into: &buffer, x: x + 21, y: y, width: fieldWidth, style: style,
                                                 focused: index == focus)
            if index == focus { cursor = position }
        }
        var y = area.y + 3 + fields.count
        if let confirmation {
            let question: String
            switch confirmation {
            case .abandon: question = "Abandonner la saisie ? Ce qui a été tapé sera perdu. (o/n)"
            case .verifiedChange(let text): question = text + " (o/n)"
            case .duplicate(let candidate):
                drawDuplicateQuestion(candidate, into: &buffer, x: x, y: y, width: area.width - 2, theme: theme)
                return nil
            }
            buffer.putWrapped(question, x: x, y: y, width: area.width - 2, maxLines: 3, style: theme.error)
            return nil
        }
        let shown = fields.compactMap { errors[$0] }.map { "✗ " + $0 } + banner
        for message in shown where y < area.y + area.height {
            // A long message (the list of the Province's communes) takes the rows it needs.
            y += buffer.putWrapped(message, x: x, y: y, width: area.width - 2,
                                   maxLines: area.y + area.height - y, style: theme.error)
        }
        if showPanel { drawDuplicates(into: &buffer, x: x + 21 + fieldWidth + 2, y: area.y + 2,
                                      width: area.width - (x + 21 + fieldWidth + 2), theme: theme) }
        return cursor
    }

    /// « Doublon probable » with the candidate, why, and the three answers.
    private func drawDuplicateQuestion(_ candidate: DuplicateCandidate, into buffer: inout CellBuffer, x: Int, y: Int,
                                       width: Int, theme: Theme) {
        let birth = candidate.hit.birthDate.map { FieldValidator.display($0, for: .birthDate) } ?? ""
        let percent = Int((candidate.likelihood * 100).rounded(.down))
        var row = y
        for line in WrappedText.lines("Doublon probable (\(percent) %) : n° \(candidate.hit.tierID) \(candidate.hit.displayName) \(birth)",
                                      width: width, maxLines: 2) {
            buffer.put(line, x: x, y: row, style: theme.error, maxWidth: width)
            row += 1
        }
        for line in WrappedText.lines(candidate.reason, width: width, maxLines: 2) {
            buffer.put(line, x: x, y: row, style: theme.dim, maxWidth: width)
            row += 1
        }
        buffer.put("o : ouvrir cette fiche   c : créer quand même   Échap : revenir", x: x, y: row, style: theme.title, maxWidth: width)
    }

    private func drawDuplicates(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        guard width > 8 else { return }
        buffer.put("Déjà connus ?", x: x, y: y, style: theme.columnHeader, maxWidth: width)
        if duplicates.isEmpty {
            let hint: String
            if duplicatesSearched {
                hint = "Aucune fiche proche : la " + (kind == .person ? "personne" : "organisation") + " semble nouvelle."
            } else {
                hint = kind == .person ? "Ils s'affichent dès le nom et la date de naissance saisis."
                                       : "Ils s'affichent dès le RIDET ou la raison sociale saisis."
            }
            for (offset, line) in WrappedText.lines(hint, width: width).enumerated() {
                buffer.put(line, x: x, y: y + 1 + offset, style: theme.dim, maxWidth: width)
            }
            return
        }
        var row = y + 1
        for (index, candidate) in duplicates.prefix(Self.shownDuplicates).enumerated() {
            let chosen = index == duplicateSelected
            buffer.put((chosen ? "▸ " : "  ") + candidate.hit.displayName, x: x, y: row,
                       style: chosen ? theme.selected : theme.error, maxWidth: width)
            let birth = candidate.hit.birthDate.map { FieldValidator.display($0, for: .birthDate) } ?? candidate.hit.ridet ?? ""
            buffer.put("\(birth) \(candidate.hit.commune ?? "")", x: x, y: row + 1, maxWidth: width)
            row += 2
            for line in WrappedText.lines(candidate.reason, width: width, maxLines: 2) {
                buffer.put(line, x: x, y: row, style: theme.dim, maxWidth: width)
                row += 1
            }
        }
        let choose = duplicates.count > 1
            ? "\(session.keyName(.doublonPrecedent, in: .saisie))/\(session.keyName(.doublonSuivant, in: .saisie)) : choisir, " : ""
        buffer.putWrapped(choose + "\(session.keyName(.ouvrirDoublon, in: .saisie)) : ouvrir ▸", x: x, y: row, width: width,
                          maxLines: 2, style: theme.title)
    }

    // MARK: Keys

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let confirmation { return answer(confirmation, event, action: action) }
        banner = []
        switch action {
        case .champSuivant, .ligneSuivante:
            leaveField()
            focus = (focus + 1) % fields.count
        case .champPrecedent, .lignePrecedente:
            leaveField()
            focus = (focus + fields.count - 1) % fields.count
        case .doublonSuivant:
            duplicateSelected = min(duplicateSelected + 1, max(min(duplicates.count, Self.shownDuplicates) - 1, 0))
        case .doublonPrecedent:
            duplicateSelected = max(duplicateSelected - 1, 0)
        case .enregistrer:
            leaveField()
            if editing == nil, fields.allSatisfy({ errors[$0] == nil }), let likely = duplicates.first,
               likely.likelihood >= DuplicateFinder.askThreshold {
                confirmation = .duplicate(likely)
                return .stay
            }
            return save(confirmingVerifiedChanges: false)
        case .annuler, .retour:
            if isDirty {
                confirmation = .abandon
                return .stay
            }
            discardDraft()
            return .pop
        case .ouvrirDoublon:
            guard duplicates.indices.contains(duplicateSelected) else {
                session.message = .info("Aucune fiche proche à ouvrir.")
                return .stay
            }
            saveDraft()
            return TierRecordScreen.opening(session, tierID: duplicates[duplicateSelected].hit.tierID)
        default:
            let consumed = inputs[focusedField]?.handle(event, action: action) == true
            if let refusal = inputs[focusedField]?.refusal {
                session.message = .error(refusal)
            } else if consumed, errors[focusedField] != nil {
                // The message stays until the value is fixed: re-check quietly as the agent types.
                if check(focusedField) == nil { errors[focusedField] = nil }
            }
        }
        return .stay
    }

    private func answer(_ question: Confirmation, _ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if case .duplicate(let candidate) = question { return answerDuplicate(candidate, event, action: action) }
        guard let yes = YesNoAnswer.read(event, action: action) else {
            session.message = YesNoAnswer.reminder
            return .stay
        }
        confirmation = nil
        switch question {
        case .abandon:
            if yes {
                discardDraft()
                return .pop
            }
        case .verifiedChange:
            if yes { return save(confirmingVerifiedChanges: true) }
            session.message = .info("Rien n'a été enregistré.")
        case .duplicate:
            break
        }
        return .stay
    }

    /// o: open the likely duplicate; c: create anyway; Esc or F12 (« Annuler »): back to the form.
    private func answerDuplicate(_ candidate: DuplicateCandidate, _ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if action == .annuler {
            confirmation = nil
            session.message = .info("Rien n'a été créé : la saisie continue.")
            return .stay
        }
        switch event {
        case .key(.character("o"), _), .key(.character("O"), _):
            confirmation = nil
            saveDraft()
            return TierRecordScreen.opening(session, tierID: candidate.hit.tierID)
        case .key(.character("c"), _), .key(.character("C"), _):
            confirmation = nil
            return save(confirmingVerifiedChanges: false, despite: candidate)
        default:
            session.message = .info("Répondez o (ouvrir la fiche), c (créer quand même) ou Échap (revenir).")
        }
        return .stay
    }

    // MARK: Validation and saving

    /// The message for one field's current text, or nil when it is acceptable.
    func check(_ field: TierField) -> String? {
        let text = inputs[field]?.text ?? ""
        let today = session.clock.today()
        do {
            let value = try FieldValidator.normalize(text, for: field, today: today)
            if value == nil, field.isRequired(for: kind) { return "\(field.label) : champ obligatoire." }
        } catch {
            return error.message
        }
        if field == .postalCode, let commune = normalized(.commune), let code = normalized(.postalCode),
           let problem = FieldValidator.checkCommune(commune, postalCode: code) {
            return problem.message
        }
        return nil
    }

    private func normalized(_ field: TierField) -> String? {
        (try? FieldValidator.normalize(inputs[field]?.text ?? "", for: field, today: session.clock.today())) ?? nil
    }

    /// Validates the field being left, keeps the draft, and looks for duplicates.
    private func leaveField() {
        let field = focusedField
        errors[field] = check(field)
        showDigitsAsRead(field)
        if field == .commune, errors[.postalCode] != nil || !(inputs[.postalCode]?.isEmpty ?? true) {
            errors[.postalCode] = check(.postalCode)
        }
        saveDraft()
        refreshDuplicates()
    }

    /// A date or a phone typed as bare digits (`140385`, `784512`) is shown as it was read
    /// (« 14/03/1985 », « 78.45.12 ») once the field is left, so the agent sees it before F10.
    private func showDigitsAsRead(_ field: TierField) {
        guard field == .birthDate || field == .phone, errors[field] == nil, let typed = inputs[field]?.text, !typed.isEmpty,
              typed.allSatisfy({ $0.isASCII && $0.isNumber }), let stored = normalized(field) else { return }
        let shown = FieldValidator.display(stored, for: field)
        if shown != typed { inputs[field]?.text = shown }
    }

    private func revalidateAll(onlyFilled: Bool) {
        for field in fields where !onlyFilled || !(inputs[field]?.isEmpty ?? true) {
            errors[field] = check(field)
        }
    }

    private func refreshDuplicates() {
        guard editing == nil else { return }
        var values: [TierField: String] = [:]
        for field in fields { if let value = normalized(field) { values[field] = value } }
        let ready = kind == .person
            ? (values[.birthName] != nil || values[.usageName] != nil) && values[.birthDate] != nil
            : values[.ridet] != nil || values[.companyName] != nil
        duplicatesSearched = ready
        guard ready else {
            duplicates = []
            return
        }
        duplicates = (try? DuplicateFinder(store: session.store).candidates(kind: kind, values: values)) ?? []
        duplicateSelected = min(duplicateSelected, max(min(duplicates.count, Self.shownDuplicates) - 1, 0))
    }

    private func save(confirmingVerifiedChanges: Bool, despite duplicate: DuplicateCandidate? = nil) -> ScreenOutcome {
        revalidateAll(onlyFilled: false)
        if let first = fields.first(where: { errors[$0] != nil }) {
            focus = fields.firstIndex(of: first)!
            session.message = .error(FrenchCount.of(errors.count, "champ") + " à corriger avant d'enregistrer.")
            return .stay
        }
        let service = TierService(store: session.store)
        do {
            if let editing {
                var changes: [TierField: String?] = [:]
                for field in fields where (inputs[field]?.text ?? "") != (original[field] ?? "") {
                    let text = inputs[field]?.text ?? ""
                    changes[field] = text.isEmpty ? nil : text
                }
                let saved = try service.update(id: editing.id, expectedVersion: editing.version, changes: changes,
                                               confirmingVerifiedChanges: confirmingVerifiedChanges, by: session.agent)
                discardDraft()
                session.message = .info("Fiche enregistrée (version \(saved.version)).")
                return .pop
            }
            let values = typed.filter { !$0.value.isEmpty }
            let created = try service.create(kind: kind, values: values, despiteDuplicate: duplicate, by: session.agent)
            discardDraft()
            session.message = .info("Fiche n° \(created.id) créée.")
            return .replace(try TierRecordScreen(session: session, tierID: created.id))
        } catch let change as VerifiedFactChange {
            confirmation = .verifiedChange(change.description)
        } catch let failed as TierValidationFailed {
            for error in failed.errors { if let field = error.field { errors[field] = error.message } }
            session.message = .error(failed.errors.first?.message ?? "Saisie invalide.")
        } catch let stale as StaleTierError {
            banner = StaleTierRefusal.shown(stale, on: session)
        } catch {
            session.message = .error("\(error)")
        }
        return .stay
    }

    // MARK: Drafts

    package func saveDraft() {
        guard isDirty else { return }
        let next = TierDraft(id: draft?.id, agentID: session.agent.id, kind: kind, tierID: editing?.id,
                             tierVersion: editing?.version, values: typed.filter { !$0.value.isEmpty }, focus: focusedField)
        if let saved = try? DraftStore(store: session.store).save(next) { draft = saved }
    }

    private func discardDraft() {
        if let id = draft?.id { try? DraftStore(store: session.store).delete(id: id) }
        draft = nil
    }
}
