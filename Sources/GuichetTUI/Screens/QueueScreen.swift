import SIMSModel

/// Files d'instruction: submitted dossiers by procedure, state, assignee, age and deadline, a page
/// at a time (keyset pages: a million dossiers open and scroll at once). F2 « prend le suivant »,
/// Enter opens the chosen dossier, Space marks dossiers and r gives them to a colleague.
final class QueueScreen: Screen {
    let session: AppSession
    private(set) var filter: QueueFilter
    private(set) var sort: QueueSort
    private(set) var entries: [QueueEntry] = []
    /// Where the page shown starts (nil: the first page), and the starts of the pages before it.
    private var pageStart: QueueCursor?
    private var previousStarts: [QueueCursor?] = []
    private var nextStart: QueueCursor?
    private(set) var selected = 0
    /// Marked dossiers (id → number), for a superviseur's bulk reassignment.
    private(set) var marked: [Int64: String] = [:]
    private(set) var prompt: ActionPrompt?
    private var colleagues: [Agent] = []
    /// Names of agents read for the title (a queue drilled down to an agent), read once.
    private var agentNames: [Int64: String] = [:]
    /// The rows of the table on an 80×24 terminal.
    static let pageSize = 15

    init(session: AppSession, filter: QueueFilter = QueueFilter(), sort: QueueSort = .oldest) {
        self.session = session
        self.filter = filter
        self.sort = sort
        load()
    }

    var title: String { "Files d'instruction" }
    var context: KeymapContext { .file }
    var offeredActions: Set<KeyAction> {
        if let prompt { return prompt.answeredActions }
        return KeyAction.lineAndPageMoves.union([
            .ouvrir, .prendreSuivant, .trier, .filtreEtat, .filtreDemarche, .filtreAgent, .filtreEcheance, .filtreAnciennete,
            .marquer, .reattribuer, .annuler, .retour, .accueil,
        ])
    }

    var hiddenActions: Set<KeyAction> {
        mayClaim ? [] : [.prendreSuivant]
    }

    private var mayClaim: Bool { session.agent.has(.instructor) || session.agent.has(.supervisor) }
    private var today: CalendarDate { session.clock.today() }
    /// The page number shown, from 1.
    var pageNumber: Int { previousStarts.count + 1 }

    func didReappear() { load() }

    private func load() {
        do {
            let page = try DossierQueue(store: session.store).page(filter, sort: sort, today: today, after: pageStart,
                                                                   limit: Self.pageSize)
            if page.entries.isEmpty, let previous = previousStarts.popLast() {
                // The page emptied meanwhile (dossiers taken or decided): show the one before.
                pageStart = previous
                return load()
            }
            entries = page.entries
            nextStart = page.next
        } catch {
            entries = []
            nextStart = nil
            session.message = .error("La file n'a pas pu être lue : \(error)")
        }
        selected = min(selected, max(entries.count - 1, 0))
    }

    private func restart() {
        pageStart = nil
        previousStarts = []
        selected = 0
        load()
    }

    // MARK: - Drawing

    /// The filters in force, in French.
    var filterSummary: String {
        filter.summary(me: session.agent.id, agentName: agentName)
    }

    private func agentName(_ id: Int64) -> String {
        if let name = agentNames[id] { return name }
        let name = ((try? AgentService(store: session.store).list())?.first { $0.id == id }?.fullName) ?? "n° \(id)"
        agentNames[id] = name
        return name
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("File : " + filterSummary, x: x, y: area.y, style: theme.title, maxWidth: width)
        var second = "Ordre : \(sort.label) · page \(pageNumber)"
        if !marked.isEmpty { second += " · \(marked.count) marqué\(marked.count > 1 ? "s" : "")" }
        buffer.put(second, x: x, y: area.y + 1, style: theme.dim, maxWidth: width)
        let headerY = area.y + 2
        // The applicant column takes what a terminal wider than 80 columns gives.
        let extra = max(0, width - 78)
        for (offset, name) in Self.columns {
            buffer.put(name, x: x + offset + (offset > 18 ? extra : 0), y: headerY, style: theme.columnHeader)
        }
        if entries.isEmpty {
            buffer.put("Aucun dossier dans cette file.", x: x, y: headerY + 1, style: theme.dim, maxWidth: width)
            if mayClaim {
                buffer.put("Changez les filtres (F5 état, F6 démarche, F9 agent…) ou F2 pour prendre le suivant.",
                           x: x, y: headerY + 2, style: theme.dim, maxWidth: width)
            }
        }
        var rowCursor: CursorPosition?
        for (index, entry) in entries.enumerated() {
            let y = headerY + 1 + index
            let isSelected = index == selected
            let style = isSelected ? theme.selected : CellStyle.plain
            if isSelected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            let overdue = entry.isOverdue(on: today)
            buffer.put(marked[entry.id] != nil ? "*" : " ", x: x, y: y, style: style)
            buffer.put(entry.number, x: x + 2, y: y, style: style, maxWidth: 15)
            buffer.put(entry.applicantName, x: x + 18, y: y, style: style, maxWidth: 15 + extra)
            buffer.put(entry.state.label, x: x + 34 + extra, y: y, style: style, maxWidth: 17)
            buffer.put(entry.assigneeName ?? "—", x: x + 52 + extra, y: y, style: style, maxWidth: 9)
            buffer.put("\(entry.ageInDays(on: today)) j", x: x + 62 + extra, y: y, style: style, maxWidth: 5)
            let due = (overdue ? "!" : " ") + (entry.dueOn?.french ?? "")
            var dueStyle = overdue ? theme.error : style
            dueStyle.reverse = isSelected
            buffer.put(due, x: x + 67 + extra, y: y, style: dueStyle, maxWidth: 11)
        }
        if entries.indices.contains(selected) {
            let entry = entries[selected]
            var line = "\(entry.number) · \(entry.applicantName) · \(entry.procedureCode) · déposé le \(Timestamp.french(entry.submittedAt))"
            if let pieces = entry.piecesDueOn { line += " · pièces attendues pour le \(pieces.french)" }
            if entry.isOverdue(on: today), let due = entry.dueOn {
                line += " · en retard de \(due.days(until: today)) j"
            }
            buffer.putWrapped(line, x: x, y: headerY + Self.pageSize + 1, width: width,
                              maxLines: max(1, area.y + area.height - (headerY + Self.pageSize + 1)), style: theme.dim)
        }
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? rowCursor
    }

    static let columns: [(Int, String)] = [(2, "Numéro"), (18, "Demandeur"), (34, "État"), (52, "Agent"),
                                           (62, "Âge"), (68, "Échéance")]

    // MARK: - Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if prompt != nil { return handlePrompt(event, action: action) }
        switch action {
        case .lignePrecedente:
            if selected > 0 { selected -= 1 } else if !previousStarts.isEmpty { pageBack(selectLast: true) }
        case .ligneSuivante:
            if selected + 1 < entries.count { selected += 1 } else if nextStart != nil { pageForward() }
        case .pageSuivante:
            if nextStart != nil { pageForward() } else { session.message = .info("C'est la dernière page de la file.") }
        case .pagePrecedente:
            if !previousStarts.isEmpty { pageBack(selectLast: false) } else { session.message = .info("C'est la première page de la file.") }
        case .ouvrir:
            guard entries.indices.contains(selected) else { return .stay }
            return DossierReviewScreen.opening(session, dossierID: entries[selected].id, queue: (filter, sort))
        case .prendreSuivant:
            return takeNext()
        case .trier:
            sort = QueueSort.allCases[(QueueSort.allCases.firstIndex(of: sort)! + 1) % QueueSort.allCases.count]
            restart()
        case .filtreEtat:
            let cycle = QueueStateScope.cycle
            filter.scope = cycle[((cycle.firstIndex(of: filter.scope) ?? -1) + 1) % cycle.count]
            restart()
        case .filtreDemarche:
            let codes: [String?] = [nil] + session.catalog.procedures.map(\.code)
            let index = codes.firstIndex(of: filter.procedureCode) ?? -1
            filter.procedureCode = codes[(index + 1) % codes.count]
            restart()
        case .filtreAgent:
            switch filter.assignee {
            case .anyone: filter.assignee = .unassigned
            case .unassigned: filter.assignee = .agent(session.agent.id)
            case .agent: filter.assignee = .anyone
            }
            restart()
        case .filtreEcheance:
            switch filter.deadline {
            case .any: filter.deadline = .overdue
            case .overdue: filter.deadline = .within(days: 7)
            case .within: filter.deadline = .any
            }
            restart()
        case .filtreAnciennete:
            let steps: [Int?] = [nil, 7, 15, 30, 60]
            filter.olderThanDays = steps[((steps.firstIndex(of: filter.olderThanDays) ?? 0) + 1) % steps.count]
            filter.newerThanDays = nil
            restart()
        case .marquer:
            toggleMark()
        case .reattribuer:
            openReassignment()
        case .annuler:
            if !marked.isEmpty {
                marked = [:]
                session.message = .info("Marques retirées.")
            } else {
                return .pop
            }
        case .retour:
            return .pop
        case .quitter:
            return .quit
        case .accueil:
            return .pop
        default:
            break
        }
        return .stay
    }

    private func pageForward() {
        guard let nextStart else { return }
        previousStarts.append(pageStart)
        pageStart = nextStart
        selected = 0
        load()
    }

    private func pageBack(selectLast: Bool) {
        guard let previous = previousStarts.popLast() else { return }
        pageStart = previous
        load()
        selected = selectLast ? max(entries.count - 1, 0) : 0
    }

    private func takeNext() -> ScreenOutcome {
        guard mayClaim else {
            session.message = .error("Prendre le suivant est réservé aux instructeurs et aux superviseurs.")
            return .stay
        }
        do {
            guard let dossier = try WorkflowService(store: session.store).takeNext(procedureCode: filter.procedureCode,
                                                                                    by: session.agent) else {
                let scope = filter.procedureCode.map { " pour la démarche \($0)" } ?? ""
                session.message = .info("Aucun dossier déposé n'attend d'être pris\(scope).")
                return .stay
            }
            session.message = .info("Dossier \(dossier.number ?? "") pris en instruction.")
            return DossierReviewScreen.opening(session, dossierID: dossier.id, queue: (filter, sort))
        } catch {
            session.message = .error("\(error)")
            return .stay
        }
    }

    private func toggleMark() {
        guard session.agent.has(.supervisor) else {
            session.message = .error("Seuls les superviseurs réattribuent plusieurs dossiers à la fois.")
            return
        }
        guard entries.indices.contains(selected) else { return }
        let entry = entries[selected]
        if marked.removeValue(forKey: entry.id) == nil { marked[entry.id] = entry.number }
        if selected + 1 < entries.count { selected += 1 }
    }

    private func openReassignment() {
        let targets = marked.isEmpty ? (entries.indices.contains(selected) ? [entries[selected].id] : []) : Array(marked.keys)
        guard !targets.isEmpty else { return }
        colleagues = (try? AgentService(store: session.store).reviewers()) ?? []
        guard !colleagues.isEmpty else {
            session.message = .error("Aucun instructeur ni superviseur actif à qui réattribuer.")
            return
        }
        let what = targets.count == 1 ? "le dossier \(marked.values.first ?? entries[selected].number)" : "\(targets.count) dossiers"
        prompt = ActionPrompt(title: "Réattribuer \(what)", fields: [.choice("À", colleagues.map(\.fullName))])
    }

    private func handlePrompt(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        prompt = prompt?.responding(to: event, action: action) { current in
            let colleague = colleagues[current.fields[0].selectedIndex]
            let targets = marked.isEmpty ? [entries[selected].id] : marked.keys.sorted()
            try WorkflowService(store: session.store).reassign(targets, to: colleague.id, by: session.agent)
            marked = [:]
            session.message = .info(targets.count == 1 ? "Dossier réattribué à \(colleague.fullName)."
                                                       : "\(targets.count) dossiers réattribués à \(colleague.fullName).")
            load()
        }
        return .stay
    }
}
