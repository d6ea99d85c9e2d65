import Foundation
import SIMSModel

/// A submitted dossier under review: who asked what, its tabs (Champs, Pièces, Historique, Notes
/// internes), and the actions this agent may take in its state — and only those. F7/F8 open the
/// previous and next dossier of the queue it was opened from.
final class DossierReviewScreen: Screen {
    let session: AppSession
    private(set) var dossierID: Int64
    /// The queue the dossier was opened from, for « dossier précédent / suivant ».
    let queue: (filter: QueueFilter, sort: QueueSort)?
    private(set) var review: DossierReview?
    private(set) var tab: DossierReviewTab = .fields
    private var scroll = 0
    private(set) var prompt: ActionPrompt?
    /// What the open prompt completes: a workflow action, or a note (nil).
    private var promptAction: DossierActionKind?
    private var colleagues: [Agent] = []
    /// The facts the dossier's pieces prove, listed by the decision form and validated when it accepts.
    private(set) var provable: [ProvableFact] = []
    private var lastContentHeight = 10
    /// The lines of the tab at the last render: the scroll keys are offered only when they overflow.
    private var lastLineCount = 0
    private var maxScroll: Int { max(lastLineCount - lastContentHeight, 0) }

    /// Opens the dossier, recording the consultation of its applicant's and beneficiary's data;
    /// when one of them is restricted it needs `motif` (else ``RestrictedTierRefusal``).
    init(session: AppSession, dossierID: Int64, queue: (filter: QueueFilter, sort: QueueSort)? = nil,
         motif: String? = nil) throws {
        self.session = session
        self.dossierID = dossierID
        self.queue = queue
        review = try DossierReviewReader(store: session.store).open(dossierID: dossierID, by: session.agent, motif: motif)
        if let motif { session.message = .info("Fiche limitée : consultation enregistrée avec le motif « \(motif) ».") }
    }

    /// Opens a dossier from another screen, asking the motif first when its applicant or
    /// beneficiary is restricted; `push` false: in place of the current screen.
    static func opening(_ session: AppSession, dossierID: Int64, queue: (filter: QueueFilter, sort: QueueSort)? = nil,
                        push: Bool = true) -> ScreenOutcome {
        ConsultationMotifScreen.opening(session, push: push) { motif in
            try DossierReviewScreen(session: session, dossierID: dossierID, queue: queue, motif: motif)
        }
    }

    var title: String { "Instruction" }
    var context: KeymapContext { .instruction }
    var offeredActions: Set<KeyAction> {
        if let prompt { return prompt.answeredActions }
        let scrolls: Set<KeyAction> = maxScroll > 0 ? KeyAction.lineAndPageMoves : []
        return scrolls.union(Self.keyActions.map(\.1))
            .union([.champSuivant, .champPrecedent, .note, .dossierSuivant, .dossierPrecedent, .retour, .annuler, .accueil])
    }

    private var procedure: Procedure? { review.flatMap { session.catalog.procedure(code: $0.dossier.procedureCode) } }
    /// Two levels unless the procedure says otherwise: an unknown procedure gets the stricter rule.
    private var reviewLevels: Int { procedure?.reviewLevels ?? 2 }
    private var today: CalendarDate { session.clock.today() }

    /// The actions this agent may take now.
    var available: [DossierActionKind] {
        guard let review else { return [] }
        return DossierWorkflow.availableActions(dossier: review.facts(reviewLevels: reviewLevels), agent: session.agent)
    }

    static let keyActions: [(DossierActionKind, KeyAction)] = [
        (.claim, .prendre), (.requestPieces, .demanderPieces), (.piecesReceived, .piecesRecues), (.propose, .proposer),
        (.decide, .decider), (.returnProposal, .renvoyer), (.reopen, .rouvrir), (.reassign, .reattribuer),
    ]

    var hiddenActions: Set<KeyAction> {
        let allowed = Set(available)
        var hidden = Set(Self.keyActions.filter { !allowed.contains($0.0) }.map(\.1))
        if queue == nil { hidden.formUnion([.dossierPrecedent, .dossierSuivant]) }
        return hidden
    }

    func didReappear() { load() }

    /// Reads the dossier again (after an action, or to refresh), without recording a consultation.
    private func load() {
        do {
            review = try DossierReviewReader(store: session.store).review(dossierID: dossierID)
        } catch {
            review = nil
            session.message = .error("Le dossier n'a pas pu être lu : \(error)")
        }
    }

    // MARK: - Drawing

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        guard let review else {
            buffer.put("Dossier introuvable.", x: x, y: area.y + 1, style: theme.error, maxWidth: width)
            return nil
        }
        let dossier = review.dossier
        var y = area.y
        let tracking = dossier.trackingCode.map { " · suivi \($0)" } ?? ""
        buffer.put("\(dossier.number ?? "") · \(dossier.procedureTitle)\(tracking)", x: x, y: y, style: theme.title, maxWidth: width)
        y += 1
        var people = "Demandeur : \(review.applicantName)"
        if let beneficiary = review.beneficiaryName { people += " · Bénéficiaire : \(beneficiary)" }
        buffer.put(people, x: x, y: y, maxWidth: width)
        y += 1
        buffer.put("État : \(dossier.state.label) · Agent : \(review.assigneeName ?? "non attribué")", x: x, y: y, maxWidth: width)
        y += 1
        var end = x
        if let submitted = dossier.submittedAt {
            end = buffer.put("Déposé le \(Timestamp.french(submitted).prefix(10))", x: x, y: y, maxWidth: width)
        }
        if let due = dossier.dueOn.flatMap(CalendarDate.init(iso:)) {
            end = buffer.put(end > x ? " · " : "", x: end, y: y)
            if QueueStateScope.openStates.contains(dossier.state) && due < today {
                buffer.put("! échéance du \(due.french) dépassée de \(due.days(until: today)) j", x: end, y: y,
                           style: theme.error, maxWidth: x + width - end)
            } else {
                buffer.put("échéance le \(due.french)", x: end, y: y, maxWidth: x + width - end)
            }
        }
        y += 1
        if let line = stageLine(review) {
            buffer.put(line, x: x, y: y, style: theme.notice, maxWidth: width)
        }
        y += 1
        var tabX = x
        var tabCursor: CursorPosition?
        for candidate in DossierReviewTab.allCases {
            var label = candidate.label
            if candidate == .notes, !review.notes.isEmpty { label += " (\(review.notes.count))" }
            if candidate == .history { label += " (\(review.history.count))" }
            // The tab shown is said in text too (brackets), not by reverse video alone, and holds the
            // cursor: Tab moves it from tab to tab, the content is read below.
            if candidate == tab { tabCursor = CursorPosition(x: tabX + 1, y: y) }
            tabX = buffer.put(candidate == tab ? "[\(label)]" : " \(label) ", x: tabX, y: y,
                              style: candidate == tab ? theme.selected : theme.dim) + 1
        }
        y += 1
        let offers = Self.keyActions.filter { available.contains($0.0) }
            .map { "\(session.keyName($0.1, in: .instruction)) \($0.0.label)" } + ["\(session.keyName(.note, in: .instruction)) Note"]
        let actions = "Actions : " + offers.joined(separator: " · ")
        // A long actions line takes two rows rather than losing its last actions.
        let actionsY = area.y + area.height - CellBuffer.wrappedLines(actions, width: width, maxLines: 2).count
        let contentHeight = actionsY - y
        lastContentHeight = contentHeight
        let lines = content(review, width: width)
        lastLineCount = lines.count
        scroll = min(scroll, max(lines.count - contentHeight, 0))
        for (offset, line) in lines.dropFirst(scroll).prefix(contentHeight).enumerated() {
            buffer.put(line.text, x: x, y: y + offset, style: line.style(theme), maxWidth: width)
        }
        buffer.putWrapped(actions, x: x, y: actionsY, width: width, maxLines: 2, style: theme.dim)
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? tabCursor
    }

    /// Where the review stands: the proposal, the decision, or the pieces awaited.
    private func stageLine(_ review: DossierReview) -> String? {
        let motif = review.motif.map { " — « \($0) »" } ?? ""
        switch review.dossier.state {
        case .awaitingValidation:
            guard let proposal = review.proposedDecision else { return nil }
            return "Proposition : \(proposal.label) par \(review.proposerName ?? "?")\(motif)"
        case .accepted, .refused, .closedWithoutAction:
            let when = review.decidedAt.map { " le " + Timestamp.french($0).prefix(10) } ?? ""
            return "Décision : \(review.dossier.state.label) par \(review.deciderName ?? "?")\(when)\(motif)"
        case .awaitingPieces:
            let due = review.piecesDueOn.map { " pour le \($0.french)" } ?? ""
            return "Pièces demandées\(due) : " + review.piecesRequested.joined(separator: ", ")
        default:
            return nil
        }
    }

    private struct Line {
        enum Kind { case plain, heading, dim, error }
        var text: String
        var kind: Kind = .plain

        func style(_ theme: Theme) -> CellStyle {
            switch kind {
            case .plain: return .plain
            case .heading: return theme.columnHeader
            case .dim: return theme.dim
            case .error: return theme.error
            }
        }
    }

    private func content(_ review: DossierReview, width: Int) -> [Line] {
        switch tab {
        case .fields: return fieldLines(review, width: width)
        case .pieces: return pieceLines(review)
        case .history: return historyLines(review, width: width)
        case .notes: return noteLines(review, width: width)
        }
    }

    private func fieldLines(_ review: DossierReview, width: Int) -> [Line] {
        let answers = review.dossier.answers
        guard let procedure else {
            // The démarche left the catalogue: the answers as recorded, dates still in French.
            let missing = Line(text: "Démarche \(review.dossier.procedureCode) absente du catalogue : réponses telles "
                               + "qu'enregistrées.", kind: .dim)
            return [missing] + answers.sorted { $0.key < $1.key }.map { Line(text: "\($0.key) : \(DateRule.display($0.value))") }
        }
        return procedure.fields.map { field in
            let raw = answers[field.key] ?? ""
            let shown = raw.isEmpty ? "" : ProcedureAnswerValidator.display(raw, for: field)
            let label = WrappedText.column(field.label, width: 30)
            return shown.isEmpty ? Line(text: label + "—", kind: .dim) : Line(text: label + shown)
        }
    }

    private func pieceLines(_ review: DossierReview) -> [Line] {
        var lines: [Line] = []
        for requirement in procedure?.pieces ?? [] {
            let status: String
            var kind = Line.Kind.plain
            switch review.dossier.pieces[requirement.key] ?? .missing {
            case .reused(let id) where review.documents.contains { $0.id == id }:
                status = "remise au guichet, jointe au dossier"
            case .reused: status = "déjà fournie (réutilisée)"
            case .handedIn(let issued): status = "remise au guichet" + (issued.map { " (du \(DateRule.display($0)))" } ?? "")
            case .missing where !requirement.applies(to: review.dossier.answers):
                status = "non demandée pour ce dossier"
                kind = .dim
            case .missing:
                status = requirement.required ? "manquante" : "manquante (facultative)"
                kind = requirement.required ? .error : .dim
            }
            lines.append(Line(text: WrappedText.column(requirement.label, width: 38) + status, kind: kind))
        }
        if !review.piecesRequested.isEmpty {
            lines.append(Line(text: ""))
            let due = review.piecesDueOn.map { " (pour le \($0.french))" } ?? ""
            lines.append(Line(text: "Pièces demandées au demandeur\(due) :", kind: .heading))
            lines += review.piecesRequested.map { Line(text: "  • " + $0) }
        }
        lines.append(Line(text: ""))
        lines.append(Line(text: "Pièces jointes au dossier (\(review.documents.count)) :", kind: .heading))
        if review.documents.isEmpty { lines.append(Line(text: "  aucune", kind: .dim)) }
        lines += review.documents.map { Line(text: "  " + $0.summary) }
        return lines
    }

    private func historyLines(_ review: DossierReview, width: Int) -> [Line] {
        review.history.reversed().flatMap { entry -> [Line] in
            let head = "\(Timestamp.french(entry.at))  \(entry.label) — \(entry.agentName)"
            var lines = [Line(text: head)]
            if !entry.detail.isEmpty {
                lines += WrappedText.lines(entry.detail, width: width - 4).map { Line(text: "    " + $0, kind: .dim) }
            }
            return lines
        }
    }

    private func noteLines(_ review: DossierReview, width: Int) -> [Line] {
        guard !review.notes.isEmpty else {
            return [Line(text: "Aucune note interne. \(session.keyName(.note, in: .instruction)) pour en ajouter une "
                + "(les notes ne sont jamais montrées au demandeur).", kind: .dim)]
        }
        return review.notes.reversed().flatMap { note -> [Line] in
            [Line(text: "\(Timestamp.french(note.createdAt)) — \(note.agentName)", kind: .heading)]
                + WrappedText.lines(note.text, width: width - 2).map { Line(text: "  " + $0) }
        }
    }

    // MARK: - Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if prompt != nil { return handlePrompt(event, action: action) }
        if let kind = Self.keyActions.first(where: { $0.1 == action })?.0 {
            start(kind)
            return .stay
        }
        switch action {
        case .champSuivant:
            switchTab(by: 1)
        case .champPrecedent:
            switchTab(by: -1)
        case .ligneSuivante:
            scroll = min(scroll + 1, maxScroll)
        case .lignePrecedente:
            scroll = max(scroll - 1, 0)
        case .pageSuivante:
            scroll = min(scroll + max(lastContentHeight - 1, 1), maxScroll)
        case .pagePrecedente:
            scroll = max(scroll - max(lastContentHeight - 1, 1), 0)
        case .note:
            prompt = ActionPrompt(title: "Note interne (jamais montrée au demandeur)",
                                  fields: [.text("Note", maxLength: DossierNoteService.maxLength)])
            promptAction = nil
        case .dossierSuivant:
            return neighbour(forward: true)
        case .dossierPrecedent:
            return neighbour(forward: false)
        case .retour, .annuler, .accueil:
            return .pop
        case .quitter:
            return .quit
        default:
            switch event {
            case .key(.right, _): switchTab(by: 1)
            case .key(.left, _): switchTab(by: -1)
            default: break
            }
        }
        return .stay
    }

    private func switchTab(by step: Int) {
        let all = DossierReviewTab.allCases
        tab = all[(tab.rawValue + step + all.count) % all.count]
        scroll = 0
    }

    /// Opens the prompt of an action, or refuses it with the rules' reason.
    private func start(_ kind: DossierActionKind) {
        guard let review else { return }
        if let refusal = DossierWorkflow.refusal(of: kind, dossier: review.facts(reviewLevels: reviewLevels), agent: session.agent) {
            session.message = .error(refusal.message)
            return
        }
        let decisions = DossierDecision.allCases
        let fields: [PromptField]
        switch kind {
        case .claim, .piecesReceived:
            performNow(kind == .claim ? .claim : .piecesReceived)
            return
        case .requestPieces:
            let missing = (procedure?.pieces ?? []).filter { !(review.dossier.pieces[$0.key]?.isProvided ?? false)
                && $0.applies(to: review.dossier.answers) }.map(\.label)
            fields = [.text("Pièces demandées", missing.joined(separator: ", "), cursorAtStart: true),
                      .text("Date limite", today.adding(days: 15).french, maxLength: 10)]
        case .propose:
            fields = [.choice("Décision proposée", decisions.map(\.label)), .text("Motif")]
        case .decide:
            let proposed = review.proposedDecision.flatMap { decisions.firstIndex(of: $0) } ?? 0
            fields = [.choice("Décision", decisions.map(\.label), selected: proposed),
                      .text("Motif", review.dossier.state == .awaitingValidation ? (review.motif ?? "") : "")]
            provable = (try? WorkflowService(store: session.store).provableFacts(dossierID: dossierID)) ?? []
            if !provable.isEmpty {
                prompt = ActionPrompt(title: kind.label,
                                      fields: fields + [.choice("Valider ces faits", ["oui", "non"])],
                                      notes: Self.provableNotes(provable))
                promptAction = kind
                return
            }
        case .returnProposal, .reopen:
            fields = [.text("Motif")]
        case .reassign:
            colleagues = ((try? AgentService(store: session.store).reviewers()) ?? []).filter { $0.id != review.dossier.assigneeID }
            guard !colleagues.isEmpty else {
                session.message = .error("Aucun autre instructeur ni superviseur actif à qui réattribuer.")
                return
            }
            fields = [.choice("À", colleagues.map(\.fullName))]
        }
        prompt = ActionPrompt(title: kind.label, fields: fields)
        promptAction = kind
    }

    private func handlePrompt(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        prompt = prompt?.responding(to: event, action: action) { current in
            do {
                try confirm(current)
            } catch let refusal as WorkflowRefusal {
                load()   // a colleague may have moved the dossier meanwhile: show where it stands now
                throw refusal
            }
        }
        return .stay
    }

    private func confirm(_ prompt: ActionPrompt) throws {
        let values = prompt.fields.map(\.value)
        let decisions = DossierDecision.allCases
        guard let kind = promptAction else {
            try DossierNoteService(store: session.store).add(values[0], to: dossierID, by: session.agent)
            session.message = .info("Note ajoutée au dossier.")
            tab = .notes
            scroll = 0
            load()
            return
        }
        switch kind {
        case .requestPieces:
            let pieces = values[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let iso = try DateRule.normalize(values[1], label: "Date limite", notAfter: nil)
            guard let due = CalendarDate(iso: iso) else { return }
            try perform(.requestPieces(pieces: pieces, dueOn: due))
        case .propose:
            try perform(.propose(decisions[prompt.fields[0].selectedIndex], motif: values[1]))
        case .decide:
            let decision = decisions[prompt.fields[0].selectedIndex]
            let validating = decision == .accepted && prompt.fields.count > 2 && prompt.fields[2].selectedIndex == 0
            try perform(.decide(decision, motif: values[1]), validating: validating ? provable : [])
        case .returnProposal:
            try perform(.returnProposal(motif: values[0]))
        case .reopen:
            try perform(.reopen(motif: values[0]))
        case .reassign:
            try perform(.reassign(toAgentID: colleagues[prompt.fields[0].selectedIndex].id))
        case .claim, .piecesReceived:
            break
        }
    }

    /// Applies an action taken without a form (prendre, pièces reçues); a refusal goes to the message line.
    private func performNow(_ action: DossierAction) {
        do {
            try perform(action)
        } catch let refusal as WorkflowRefusal {
            session.message = .error(refusal.message)
        } catch {
            session.message = .error("\(error)")
        }
        load()   // a colleague may have moved the dossier meanwhile: show where it stands now
    }

    /// Applies an action; a refusal is thrown for the form to show.
    private func perform(_ action: DossierAction, validating facts: [ProvableFact] = []) throws {
        let dossier = try WorkflowService(store: session.store).perform(action, on: dossierID, reviewLevels: reviewLevels,
                                                                        retentionYears: procedure?.retentionYears,
                                                                        validating: facts, by: session.agent)
        load()
        let validated = facts.isEmpty ? "" : " " + FrenchCount.of(facts.count, "fait validé", "faits validés") + " sur pièce."
        session.message = .info(Self.confirmation(action, dossier: dossier) + validated)
    }

    /// The decision form's lines about the facts its acceptance validates: per tier and document,
    /// wrapped, at most five lines.
    static func provableNotes(_ facts: [ProvableFact]) -> [String] {
        var groups: [(key: String, fields: [String])] = []
        for fact in facts {
            let key = "\(fact.role) (\(fact.document.summary))"
            if let index = groups.firstIndex(where: { $0.key == key }) { groups[index].fields.append(fact.field.label) } else {
                groups.append((key, [fact.field.label]))
            }
        }
        var lines = ["Acceptation : valide (niveau 2) les faits prouvés par les pièces :"]
        for (index, group) in groups.enumerated() {
            let wrapped = WrappedText.lines("\(group.key) : " + group.fields.joined(separator: ", "), width: 74)
            guard lines.count + wrapped.count <= 5 else {
                lines.append("  … et \(groups.dropFirst(index).reduce(0) { $0 + $1.fields.count }) autres faits")
                break
            }
            lines += wrapped.map { "  " + $0 }
        }
        return lines
    }

    static func confirmation(_ action: DossierAction, dossier: Dossier) -> String {
        let number = dossier.number ?? ""
        switch action {
        case .claim: return "Dossier \(number) pris en instruction."
        case .requestPieces(_, let due): return "Pièces demandées pour le \(due.french) : le dossier attend les pièces."
        case .piecesReceived: return "Pièces reçues : le dossier revient en instruction."
        case .propose(let decision, _):
            let of = decision == .accepted ? "d'" : "de "
            return "Proposition \(of)\(decision.label) envoyée à la validation."
        case .decide(let decision, _): return "Dossier \(number) : \(decision.label) décidée."
        case .returnProposal: return "Proposition renvoyée en instruction."
        case .reopen: return "Dossier \(number) rouvert : il revient en instruction."
        case .reassign: return "Dossier \(number) réattribué."
        }
    }

    /// Opens the next or previous dossier of the queue this one was opened from (a restricted
    /// tier's dossier after its motif, in place of this one).
    private func neighbour(forward: Bool) -> ScreenOutcome {
        guard let queue, let review else {
            session.message = .info("Ce dossier n'a pas été ouvert depuis une file.")
            return .stay
        }
        let dossier = review.dossier
        let key: String
        switch queue.sort {
        case .oldest, .newest: key = dossier.submittedAt ?? ""
        case .dueFirst: key = dossier.dueOn ?? ""
        }
        let cursor = QueueCursor(key: key, id: dossier.id)
        let reader = DossierQueue(store: session.store)
        do {
            let found = forward
                ? try reader.page(queue.filter, sort: queue.sort, today: today, after: cursor, limit: 1).entries.first
                : try reader.entries(queue.filter, sort: queue.sort, today: today, before: cursor, limit: 1).first
            guard let found else {
                session.message = .info(forward ? "C'est le dernier dossier de la file." : "C'est le premier dossier de la file.")
                return .stay
            }
            do {
                self.review = try DossierReviewReader(store: session.store).open(dossierID: found.id, by: session.agent)
            } catch is RestrictedTierRefusal {
                return Self.opening(session, dossierID: found.id, queue: queue, push: false)
            }
            dossierID = found.id
            scroll = 0
        } catch {
            session.message = .error("La file n'a pas pu être lue : \(error)")
        }
        return .stay
    }
}
