import Foundation
import SIMSModel

/// Tableau de bord: the superviseur's live view of the dossiers, on three pages (Tab, S-Tab,
/// PgUp/PgDn): « Vue d'ensemble » (dossiers per state and procedure, overdue and due within 7
/// days, decisions per day over 30 days as a sparkline), « Ancienneté et délais » (ageing buckets,
/// decisions and 90th percentile of the processing time over 30 days), « Agents et plus anciens »
/// (open dossiers per agent, the ten oldest open dossiers), « Qualité du registre » (persons with
/// a verified identity, identity levels, fact records by level, documents past their validity).
///
/// Live: while shown, the screen asks the store at most once a second whether anything was
/// written (`chain_head.last_event_id`, which every write moves) and recomputes its figures from
/// the running tallies when it was, or when the day changed. Overdue figures are in the error
/// style and marked « ! ».
///
/// Drill-down: Up/Down choose a line, Left/Right a column; Enter opens the queue of that cell
/// (a state of a procedure, an age, the overdue ones, an agent's dossiers...) through `openQueue`.
final class DashboardScreen: Screen {
    enum Page: Int, CaseIterable {
        case overview, ageing, agents, quality

        var title: String {
            switch self {
            case .overview: return "Vue d'ensemble"
            case .ageing: return "Délais"
            case .agents: return "Agents"
            case .quality: return "Qualité du registre"
            }
        }
    }

    /// One column of a table: its header, its width (the gap before it included) and alignment.
    struct Column {
        var header: String
        var width: Int
        var right = true
    }

    /// One cell: its text, whether it is overdue (error style), and the queue Enter opens on it
    /// (nil: the row's queue).
    struct Cell {
        var text: String
        var overdue = false
        var filter: QueueFilter?
    }

    /// A selectable line of a table.
    struct Row {
        var cells: [Cell]
        /// The queue of the whole line (first column).
        var filter: QueueFilter
        var total = false
    }

    enum Line {
        case section(String)
        case header([Column])
        case row([Column], Row)
        case text(String)
        case blank
    }

    let session: AppSession
    private let openQueue: (QueueFilter) -> Screen
    private let uptime: () -> TimeInterval
    /// Why the agent may not see the dashboard, if so.
    let refusal: String?
    private(set) var figures: DashboardFigures?
    /// The register's verification figures, read when that page is shown.
    private(set) var quality: RegisterQuality?
    private(set) var problem: String?
    private(set) var page: Page = .overview
    /// The selected line among the selectable lines of the page.
    private(set) var selectedRow = 0
    private(set) var selectedColumn = 0
    private var firstLine = 0
    private var lastProbe: TimeInterval?
    private var lastEventID: Int64?

    /// - Parameters:
    ///   - openQueue: makes the queue screen of a filter (the drill-down).
    ///   - uptime: a monotonic clock in seconds, for the once-a-second probe (tests drive it).
    init(session: AppSession, openQueue: @escaping (QueueFilter) -> Screen,
         uptime: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.session = session
        self.openQueue = openQueue
        self.uptime = uptime
        refusal = session.agent.has(.supervisor)
            ? nil : AccessError.missingRole(action: DashboardService.action, needed: [.supervisor]).description
        refresh(force: true)
    }

    var title: String { "Tableau de bord" }
    var context: KeymapContext { .tableau }
    var offeredActions: Set<KeyAction> {
        KeyAction.lineAndPageMoves.union([.colonnePrecedente, .colonneSuivante, .ouvrir, .retour, .annuler])
    }
    var wantsTicks: Bool { refusal == nil }

    func didReappear() { refresh(force: true) }

    /// Recomputes the figures when the store changed (or the day did) since the last time; asks
    /// the store at most once a second unless forced.
    func refresh(force: Bool = false) {
        guard refusal == nil else { return }
        let now = uptime()
        if !force, let last = lastProbe, now - last < 1 { return }
        lastProbe = now
        do {
            let head = try session.store.lastEventID()
            guard force || head != lastEventID || figures?.today != session.clock.today() else { return }
            figures = try DashboardService(store: session.store).figures(now: session.clock.now())
            quality = page == .quality ? try RegisterQuality.read(session.store, today: session.clock.today()) : nil
            lastEventID = head
            problem = nil
        } catch {
            problem = "Le tableau de bord n'a pas pu être calculé : \(error)"
        }
    }

    // MARK: Pages

    private static let stateColumns: [Column] = DashboardFigures.states.map {
        Column(header: DashboardText.shortLabel($0), width: DashboardText.shortLabel($0).count + 1)
    }

    private var lines: [Line] {
        guard let figures else { return [] }
        switch page {
        case .overview: return overviewLines(figures)
        case .ageing: return ageingLines(figures)
        case .agents: return agentLines(figures)
        case .quality:
            return [.section("Qualité du registre : niveaux de vérification")] + (quality?.lines ?? []).map { .text($0) }
        }
    }

    private func procedureLines(_ figures: DashboardFigures) -> [DashboardProcedureFigures] {
        figures.procedures + [figures.totals]
    }

    private func overviewLines(_ figures: DashboardFigures) -> [Line] {
        let columns = [Column(header: "Démarche", width: 8, right: false)] + Self.stateColumns
            + [Column(header: "Total", width: 6), Column(header: "Retard", width: 7), Column(header: "≤ 7 j", width: 6)]
        var lines: [Line] = [.section("Dossiers par état et échéance"), .header(columns)]
        if figures.procedures.isEmpty {
            lines.append(.text("Aucun dossier déposé."))
        } else {
            for line in procedureLines(figures) {
                let base = QueueFilter(procedureCode: line.procedureCode)
                var cells = [Cell(text: line.procedureCode ?? "Total")]
                cells += DashboardFigures.states.map { state in
                    Cell(text: "\(line.count(state))", filter: with(base) { $0.scope = .state(state) })
                }
                cells.append(Cell(text: "\(line.total)", filter: with(base) { $0.scope = .all }))
                cells.append(Cell(text: line.overdue > 0 ? "! \(line.overdue)" : "0", overdue: line.overdue > 0,
                                  filter: with(base) { $0.deadline = .overdue }))
                cells.append(Cell(text: "\(line.dueWithinWeek)",
                                  filter: with(base) { $0.deadline = .within(days: DashboardFigures.dueSoonDays) }))
                lines.append(.row(columns, Row(cells: cells, filter: base, total: line.procedureCode == nil)))
            }
        }
        let perDay = figures.throughput.map(\.decisions)
        lines += [.blank, .section("Décisions par jour, du \(figures.firstDay.french) au \(figures.today.french)"),
                  .text(DashboardText.sparkline(perDay) + "  " + DashboardText.throughputSummary(perDay))]
        return lines
    }

    private func ageingLines(_ figures: DashboardFigures) -> [Line] {
        let columns = [Column(header: "Démarche", width: 8, right: false)]
            + DashboardAgeBucket.allCases.map { Column(header: $0.label, width: $0.label.count + 2) }
            + [Column(header: "Décisions", width: 11), Column(header: "90e centile", width: 12)]
        var lines: [Line] = [.section("Dossiers ouverts par ancienneté · décisions des \(DashboardFigures.days) derniers jours"),
                             .header(columns)]
        if figures.procedures.isEmpty {
            lines.append(.text("Aucun dossier déposé."))
            return lines
        }
        for line in procedureLines(figures) {
            let base = QueueFilter(procedureCode: line.procedureCode)
            var cells = [Cell(text: line.procedureCode ?? "Total")]
            cells += DashboardAgeBucket.allCases.map { bucket in
                Cell(text: "\(line.count(in: bucket))", filter: with(base) {
                    $0.olderThanDays = bucket.minimumDays
                    $0.newerThanDays = bucket.maximumDays
                })
            }
            let decided = with(base) { $0.scope = .decided }
            cells.append(Cell(text: "\(line.decisions)", filter: decided))
            cells.append(Cell(text: DashboardText.days(line.processingDaysP90), filter: decided))
            lines.append(.row(columns, Row(cells: cells, filter: base, total: line.procedureCode == nil)))
        }
        lines += [.blank, .text("Ancienneté : jours écoulés depuis le dépôt, à l'heure de Nouméa."),
                  .text("90e centile : 9 décisions sur 10 sont prises en au plus ce nombre de jours.")]
        return lines
    }

    private func agentLines(_ figures: DashboardFigures) -> [Line] {
        let loadColumns = [Column(header: "Agent", width: 24, right: false)]
            + Self.stateColumns.prefix(DashboardFigures.openStates.count) + [Column(header: "Total", width: 7)]
        var lines: [Line] = [.section("Dossiers ouverts par agent"), .header(loadColumns)]
        if figures.load.isEmpty { lines.append(.text("Aucun dossier ouvert.")) }
        for agent in figures.load {
            let base = QueueFilter(assignee: agent.agentID.map(QueueAssignee.agent) ?? .unassigned)
            var cells = [Cell(text: agent.name)]
            cells += DashboardFigures.openStates.map { state in
                Cell(text: "\(agent.count(state))", filter: with(base) { $0.scope = .state(state) })
            }
            cells.append(Cell(text: "\(agent.total)"))
            lines.append(.row(loadColumns, Row(cells: cells, filter: base)))
        }
        let oldColumns = [Column(header: "N°", width: 16, right: false), Column(header: "Demandeur", width: 15, right: false),
                          Column(header: "État", width: 11, right: false), Column(header: "Attribué à", width: 12, right: false),
                          Column(header: "Déposé le", width: 11, right: false), Column(header: "Échéance", width: 13, right: false)]
        lines += [.blank, .section("Les \(DashboardFigures.oldestCount) dossiers ouverts les plus anciens"), .header(oldColumns)]
        if figures.oldest.isEmpty { lines.append(.text("Aucun dossier ouvert.")) }
        for dossier in figures.oldest {
            let due = dossier.dueOn.map { $0.french + (dossier.overdue ? " !" : "") } ?? "—"
            let cells = [Cell(text: dossier.number), Cell(text: dossier.applicantName), Cell(text: DashboardText.narrowState(dossier.state)),
                         Cell(text: dossier.assigneeName ?? "—"), Cell(text: dossier.submittedOn?.french ?? "—"),
                         Cell(text: due, overdue: dossier.overdue)]
            lines.append(.row(oldColumns, Row(cells: cells, filter: QueueFilter(procedureCode: dossier.procedureCode))))
        }
        return lines
    }

    private func with(_ filter: QueueFilter, _ change: (inout QueueFilter) -> Void) -> QueueFilter {
        var copy = filter
        change(&copy)
        return copy
    }

    /// The selectable rows of the page, with their line numbers.
    private func rows(of lines: [Line]) -> [(line: Int, row: Row)] {
        lines.enumerated().compactMap { index, line in
            if case .row(_, let row) = line { return (index, row) }
            return nil
        }
    }

    /// The queue Enter opens now, if any.
    var selectedFilter: QueueFilter? {
        let rows = rows(of: lines)
        guard rows.indices.contains(selectedRow) else { return nil }
        let row = rows[selectedRow].row
        if selectedColumn == 0 { return row.filter }
        let cells = selectableColumns(row)
        let column = min(selectedColumn, cells.count - 1)
        return row.cells[cells[column]].filter ?? row.filter
    }

    /// The columns of a row the column cursor stops on: the first, then those with a queue of their own.
    private func selectableColumns(_ row: Row) -> [Int] {
        [0] + row.cells.indices.dropFirst().filter { row.cells[$0].filter != nil }
    }

    // MARK: Rendering

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        refresh()
        let x = area.x + 1, width = area.width - 2
        var tabX = x
        for page in Page.allCases {
            if page.rawValue > 0 { tabX = buffer.put(" │ ", x: tabX, y: area.y, style: theme.dim) }
            // The page shown is said in text too (brackets), not by reverse video alone.
            tabX = buffer.put(page == self.page ? "[\(page.title)]" : page.title, x: tabX, y: area.y,
                              style: page == self.page ? theme.selected : .plain)
        }
        let pages = "(\(session.keyName(.pageSuivante, in: .tableau)))"
        buffer.put(pages, x: x + width - DisplayWidth.of(pages), y: area.y, style: theme.dim)
        if let refusal {
            buffer.put("✗ " + refusal, x: x, y: area.y + 2, style: theme.error, maxWidth: width)
            return nil
        }
        if let problem {
            buffer.put("✗ " + problem, x: x, y: area.y + 2, style: theme.error, maxWidth: width)
            if figures == nil { return nil }
        }
        let lines = lines
        let rows = rows(of: lines)
        selectedRow = min(selectedRow, max(rows.count - 1, 0))
        let top = area.y + (problem == nil ? 1 : 3)
        let room = area.y + area.height - 1 - top
        if let current = rows.indices.contains(selectedRow) ? rows[selectedRow].line : nil {
            // Keep the selected line in view, with the two lines above it (a table's header).
            if current < firstLine + 2 { firstLine = max(current - 2, 0) }
            if current >= firstLine + room { firstLine = current - room + 1 }
        }
        firstLine = max(min(firstLine, lines.count - room), 0)
        var rowCursor: CursorPosition?
        for (offset, line) in lines.dropFirst(firstLine).prefix(room).enumerated() {
            let y = top + offset
            let index = firstLine + offset
            switch line {
            case .section(let text):
                buffer.put(text, x: x, y: y, style: theme.title, maxWidth: width)
            case .header(let columns):
                drawCells(columns.map { Cell(text: $0.header) }, columns: columns, into: &buffer, x: x, y: y,
                          style: { _ in theme.columnHeader })
            case .row(let columns, let row):
                let isSelected = rows.indices.contains(selectedRow) && rows[selectedRow].line == index
                let cursor = drawRow(row, columns: columns, selected: isSelected, into: &buffer, x: x, y: y, width: width,
                                     theme: theme)
                if isSelected { rowCursor = cursor }
            case .text(let text):
                buffer.put(text, x: x, y: y, maxWidth: width)
            case .blank:
                break
            }
        }
        let bottom = area.y + area.height - 1
        if let filter = selectedFilter {
            buffer.put("Entrée : file « \(describe(filter)) »", x: x, y: bottom, style: theme.dim, maxWidth: width - 4)
        }
        // More lines above or below the visible ones.
        let more = (firstLine > 0 ? "↑" : "") + (lines.count > firstLine + room ? "↓" : "")
        buffer.put(more, x: x + width - DisplayWidth.of(more), y: bottom, style: theme.dim)
        return rowCursor
    }

    /// Draws a table row; the selected one has « ▸ » and its focused cell (the queue Entrée opens)
    /// takes the cursor: returns the cursor's place, on that cell.
    private func drawRow(_ row: Row, columns: [Column], selected: Bool, into buffer: inout CellBuffer, x: Int, y: Int,
                         width: Int, theme: Theme) -> CursorPosition {
        let selectable = selectableColumns(row)
        let focused = selected ? selectable[min(selectedColumn, selectable.count - 1)] : nil
        var cursor = CursorPosition(x: x, y: y)
        if selected {
            let used = columns.reduce(0) { $0 + $1.width }
            cursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: min(used, width), style: theme.selected)
            if let focused, focused > 0 {
                cursor.x = x + columns.prefix(focused).reduce(0) { $0 + $1.width }
            }
        }
        drawCells(row.cells, columns: columns, into: &buffer, x: x, y: y) { index in
            if index == focused { return theme.focusedField }
            var style = row.cells[index].overdue ? theme.error : (row.total ? theme.title : CellStyle.plain)
            if selected { style.reverse = true }
            return style
        }
        if let focused, focused > 0, columns.indices.contains(focused) {
            // A figure is right-aligned in its column: the cursor goes on its first digit.
            let end = cursor.x + columns[focused].width
            cursor.x = (cursor.x..<end).first { buffer[$0, y].grapheme != " " } ?? cursor.x
        }
        return cursor
    }

    private func drawCells(_ cells: [Cell], columns: [Column], into buffer: inout CellBuffer, x: Int, y: Int,
                           style: (Int) -> CellStyle) {
        var columnX = x
        for (index, column) in columns.enumerated() where index < cells.count {
            let text = cells[index].text
            let room = column.width - (column.right || index == 0 ? 0 : 1)
            let shown = DisplayWidth.of(text) > room ? String(text.prefix(max(room - 1, 0))) + "…" : text
            let textX = column.right ? columnX + column.width - DisplayWidth.of(shown) : columnX
            buffer.put(shown, x: textX, y: y, style: style(index), maxWidth: room)
            columnX += column.width
        }
    }

    /// A queue filter in French, as the queue screen says it (``QueueFilter/summary(me:agentName:)``).
    func describe(_ filter: QueueFilter) -> String {
        filter.summary(me: session.agent.id) { id in figures?.load.first { $0.agentID == id }?.name ?? "n° \(id)" }
    }

    // MARK: Keys

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .retour, .annuler:
            return .pop
        case .pageSuivante:
            switchPage(by: 1)
        case .pagePrecedente:
            switchPage(by: -1)
        case .ligneSuivante, .lignePrecedente:
            selectedRow = ListCursor.moved(selectedRow, by: action, count: rows(of: lines).count) ?? selectedRow
        case .colonneSuivante:
            let rows = rows(of: lines)
            if rows.indices.contains(selectedRow) {
                selectedColumn = min(selectedColumn + 1, selectableColumns(rows[selectedRow].row).count - 1)
            }
        case .colonnePrecedente:
            selectedColumn = max(selectedColumn - 1, 0)
        case .ouvrir:
            guard refusal == nil, let filter = selectedFilter else { return .stay }
            return .push(openQueue(filter))
        default:
            break
        }
        return .stay
    }

    private func switchPage(by offset: Int) {
        let count = Page.allCases.count
        page = Page(rawValue: (page.rawValue + offset + count) % count)!
        selectedRow = 0
        selectedColumn = 0
        firstLine = 0
        if page == .quality { refresh(force: true) }
    }
}
