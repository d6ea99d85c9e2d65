import Foundation
import SIMSModel

/// The state of a dossier's form, apart from its drawing (``IntakeScreen``), as ratatui keeps a
/// list's state apart from its rendering: what is typed in each field and piece date, the field
/// or piece that has the focus, the messages of the fields left wrong, the question waiting for
/// an answer. It reads no store: the screen calls the services and hands their answers in
/// (``withdrawProofs(attached:)``, ``readOnPieces``).
///
/// ```swift
/// var form = IntakeForm(intake: intake)
/// form.inputs[form.focusedField.key]?.text = "14/03/1985"
/// form.leaveField(today: today)          // checks it, shows « 14/03/1985 » for « 140385 »
/// let dossier = form.dossier(today: today)
/// ```
struct IntakeForm {
    /// The dossier being keyed: its procedure, its tiers, the prefilled values, the checklist.
    var intake: Intake
    var procedure: Procedure { intake.procedure }
    var inputs: [String: TextField] = [:]
    /// The focused field (index into the procedure's fields). Entering a filled field selects
    /// its value (``TextField/selectAll()``): what is typed replaces it, as in a browser's form.
    var focus = 0 {
        didSet { if focus != oldValue, tab == .fields { inputs[focusedField.key]?.selectAll() } }
    }
    /// The fields in the order of the form and of Tab (indexes into the procedure's fields): on a
    /// renewal, those that usually change (`change_souvent`: an address, a phone, a change of
    /// situation) first, under their own heading; then the others in the procedure's order.
    let order: [Int]
    /// How many fields of ``order`` are the ones that usually change, shown first.
    let usualCount: Int
    var errors: [String: String] = [:]
    var tab: Tab = .fields
    var pieceSelected = 0
    var pieces: [String: PieceStatus]
    /// The issue date typed for pieces handed in at the counter.
    var pieceDates: [String: TextField] = [:]
    var confirmation: Confirmation?
    /// Lines explaining why the last submission was refused (what a colleague changed).
    var banner: [String] = []
    /// The first row of the form shown.
    var scroll = 0
    /// The field the agent just left, whose message stays on the help line until fixed.
    var leftKey: String?
    /// What the OCR read on the pieces of the dossier and of its tiers.
    var readOnPieces: [TextSuggestion] = []
    /// How many times Ctrl-T was pressed in a row on the focused field (to go through the values).
    var suggestionTurn = 0
    /// The checklist before the fields changed in this form withdrew the documents proving their
    /// old value (``PieceChecklist/withdrawingProofs(of:from:keeping:)``).
    var checksOnFile: [PieceCheck]
    /// The pieces whose documents on file no longer prove a changed field, with those fields.
    var withdrawnProofs: [String: [TierField]] = [:]
    /// While the agent names a field to go to (``KeyAction/allerAuChamp``): its number or the
    /// first letters of its label, as typed so far.
    var jump: TextField?
    /// The documents scanned or attached into this dossier (see ``withdrawProofs(attached:)``).
    var attachedHere: Set<Int64> = []

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

    /// The form of `intake` as its brouillon left it: the answers typed, the pieces' status, and
    /// the focus where the agent was, or on the first field that usually changes, or on the
    /// first required field still empty.
    init(intake: Intake) {
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
    }

    static func maxLength(_ field: ProcedureField) -> Int {
        switch field.type {
        case .text(let maxLength): return maxLength + 20
        default: return 200
        }
    }

    var focusedField: ProcedureField { procedure.fields[focus] }

    /// The answers as typed.
    var answers: [String: String] { inputs.mapValues(\.text).filter { !$0.value.isEmpty } }

    /// The values read on the pieces for the focused field.
    var suggestionsForFocus: [String] { FieldSuggestions.values(for: focusedField, from: readOnPieces) }

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

    /// Stops offering the documents on file that prove a field changed in this form, keeping
    /// those `attached` into this dossier; a piece that was reusing one becomes missing. Returns
    /// what to tell the agent, one message per such piece.
    mutating func withdrawProofs(attached: Set<Int64>) -> [String] {
        attachedHere = attached
        let (checks, withdrawn) = PieceChecklist.withdrawingProofs(of: changedTierFields, from: checksOnFile, keeping: attached)
        intake.checks = checks
        withdrawnProofs = withdrawn
        var messages: [String] = []
        for check in checks {
            guard case .reused(let id) = pieces[check.requirement.key] ?? .missing,
                  !check.reusable.contains(where: { $0.id == id }), let fields = withdrawn[check.requirement.key] else { continue }
            pieces[check.requirement.key] = .missing
            messages.append("\(check.requirement.label) : la pièce sur fichier prouve l'ancienne valeur ("
                + fields.map(\.label).joined(separator: ", ").lowercased() + ") ; demandez-en une à jour.")
        }
        return messages
    }

    var rows: [Row] {
        var rows: [Row] = []
        if usualCount > 0 {
            rows.append(.heading(IntakeScreen.usualHeading))
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

    /// déjà fournie (each document on file) → remise au guichet → manquante → ...
    mutating func cyclePiece() {
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
    }

    private static func sameKind(_ a: PieceStatus, _ b: PieceStatus) -> Bool {
        switch (a, b) {
        case (.reused(let x), .reused(let y)): return x == y
        case (.handedIn, .handedIn), (.missing, .missing): return true
        default: return false
        }
    }

    // MARK: Checking

    /// The message for a field's current text, or nil when it is acceptable.
    func check(_ field: ProcedureField, today: CalendarDate) -> String? {
        do {
            let value = try ProcedureAnswerValidator.normalize(inputs[field.key]?.text ?? "", for: field, today: today)
            if value == nil, field.required { return "\(field.label) : champ obligatoire." }
            return nil
        } catch {
            return error.message
        }
    }

    func pieceDateError(_ key: String, today: CalendarDate) -> String? {
        guard let text = pieceDates[key]?.text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let label = "Date de la pièce"
        do {
            _ = try DateRule.normalize(text, label: label, notAfter: today)
            return nil
        } catch {
            return error.message
        }
    }

    /// Checks every field and piece date before a submission; the tab and the focus go to the
    /// first one wrong. Returns the message to show, nil when all are right.
    mutating func checkAll(today: CalendarDate) -> String? {
        for field in procedure.fields { errors[field.key] = check(field, today: today) }
        for check in intake.checks { errors["piece." + check.requirement.key] = pieceDateError(check.requirement.key, today: today) }
        errors = errors.filter { $0.value.isEmpty == false }
        if let first = procedure.fields.firstIndex(where: { errors[$0.key] != nil }) {
            tab = .fields
            focus = first
            return FrenchCount.of(errors.count, "champ") + " à corriger avant de déposer le dossier."
        }
        if let index = intake.checks.firstIndex(where: { errors["piece." + $0.requirement.key] != nil }) {
            tab = .pieces
            pieceSelected = index
            return "Date de pièce à corriger avant de déposer le dossier."
        }
        return nil
    }

    /// Checks the focused field as the agent leaves it, and shows a date or a phone typed as bare
    /// digits as it was read.
    mutating func leaveField(today: CalendarDate) {
        let field = focusedField
        errors[field.key] = check(field, today: today)
        leftKey = field.key
        showDigitsAsRead(field, today: today)
    }

    /// A date or a phone typed as bare digits (`140385`, `784512`) is shown as it was read
    /// (« 14/03/1985 », « 78.45.12 ») once the field is left, so the agent sees it before F10.
    private mutating func showDigitsAsRead(_ field: ProcedureField, today: CalendarDate) {
        switch field.type {
        case .date, .tierField(.birthDate), .tierField(.phone): break
        default: return
        }
        guard errors[field.key] == nil, let typed = inputs[field.key]?.text, !typed.isEmpty,
              typed.allSatisfy({ $0.isASCII && $0.isNumber }),
              let stored = try? ProcedureAnswerValidator.normalize(typed, for: field, today: today) else { return }
        let shown = ProcedureAnswerValidator.display(stored, for: field)
        if shown != typed { inputs[field.key]?.text = shown }
    }

    /// Checks the date of the selected piece as the agent leaves it.
    mutating func leavePiece(today: CalendarDate) {
        guard intake.checks.indices.contains(pieceSelected) else { return }
        let key = intake.checks[pieceSelected].requirement.key
        errors["piece." + key] = pieceDateError(key, today: today)
    }

    /// The dossier as on screen.
    func dossier(today: CalendarDate) -> Dossier {
        var dossier = intake.dossier
        dossier.answers = answers
        dossier.focus = focusedField.key
        var statuses = pieces
        for (key, status) in pieces {
            if case .handedIn = status {
                let typed = pieceDates[key]?.text ?? ""
                let iso = try? DateRule.normalize(typed, label: "Date de la pièce", notAfter: today)
                statuses[key] = .handedIn(issuedOn: iso)
            }
        }
        dossier.pieces = statuses
        return dossier
    }
}
