import Foundation

/// Reads review queues a page at a time, by keyset: each page starts after the sort value and id
/// of the previous one, so that a queue of a million dossiers opens and scrolls at once.
///
/// ```swift
/// let queue = DossierQueue(store: store)
/// var filter = QueueFilter(procedureCode: "BS")
/// let first = try queue.page(filter, sort: .oldest, today: today, limit: 20)
/// let second = try queue.page(filter, sort: .oldest, today: today, after: first.next, limit: 20)
/// ```
public struct DossierQueue: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// The page after `cursor` (the first page when nil).
    public func page(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, after cursor: QueueCursor? = nil,
                     limit: Int) throws -> QueuePage {
        try store.read { db in
            let rows = try fetch(db, filter, sort: sort, today: today, cursor: cursor, forward: true, limit: limit + 1)
            let entries = Array(rows.prefix(limit))
            let next = rows.count > limit ? entries.last.map { Self.cursor(of: $0, sort: sort) } : nil
            return QueuePage(entries: entries, next: next)
        }
    }

    /// The `limit` dossiers just before `cursor`, in the queue's order (for paging back and for
    /// « dossier précédent »).
    public func entries(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, before cursor: QueueCursor,
                        limit: Int) throws -> [QueueEntry] {
        try store.read { db in
            try fetch(db, filter, sort: sort, today: today, cursor: cursor, forward: false, limit: limit).reversed()
        }
    }

    /// The same page read with OFFSET, the way keyset pagination avoids: the benchmark's baseline.
    public func offsetPage(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, offset: Int,
                           limit: Int) throws -> [QueueEntry] {
        try store.read { db in
            var (sql, arguments) = Self.query(filter, sort: sort, today: today, cursor: nil, forward: true,
                                              planning: try db.capability(QueryPlanning.self))
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, offset]
            return try StoreRow.fetchAll(db, sql: sql, arguments: arguments).map(Self.entry)
        }
    }

    /// Where the queue stands at `entry`: the page after this cursor starts with the next dossier.
    public static func cursor(of entry: QueueEntry, sort: QueueSort) -> QueueCursor {
        switch sort {
        case .oldest, .newest: return QueueCursor(key: entry.submittedAt, id: entry.id)
        case .dueFirst: return QueueCursor(key: entry.dueOn?.iso ?? "", id: entry.id)
        }
    }

    private func fetch(_ db: any StoreSession, _ filter: QueueFilter, sort: QueueSort, today: CalendarDate,
                       cursor: QueueCursor?, forward: Bool, limit: Int) throws -> [QueueEntry] {
        var (sql, arguments) = Self.query(filter, sort: sort, today: today, cursor: cursor, forward: forward,
                                          planning: try db.capability(QueryPlanning.self))
        sql += " LIMIT ?"
        arguments += [limit]
        return try StoreRow.fetchAll(db.cachedStatement(sql: sql), arguments: arguments).map(Self.entry)
    }

    /// The SELECT of a queue, without its LIMIT. Its WHERE terms are written as the partial
    /// indexes of migration v6 are, so that SQLite walks an index in the queue's order (told by
    /// `planning`'s hint where its planner would rather sort).
    static func query(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, cursor: QueueCursor?,
                      forward: Bool, planning: any QueryPlanning) -> (String, StoreArguments) {
        var (terms, arguments) = filter.sqlTerms(today: today)
        let column = "d." + sort.column
        if sort == .dueFirst { terms.append("\(column) IS NOT NULL") }
        let ascending = forward != sort.descending
        if let cursor {
            terms.append("(\(column), d.id) \(ascending ? ">" : "<") (?, ?)")
            arguments += [cursor.key, cursor.id]
        }
        let direction = ascending ? "ASC" : "DESC"
        let sql = """
            SELECT d.id, d.number, d.procedure_code, d.state, d.assignee_id, d.submitted_at, d.due_on, d.pieces_due_on,
                (SELECT display_name FROM tier WHERE tier.id = d.applicant_id) AS applicant_name,
                (SELECT full_name FROM agent WHERE agent.id = d.assignee_id) AS assignee_name
            FROM dossier d\(indexHint(filter, sort: sort).map { planning.tableHint(index: $0) } ?? "")
            WHERE \(terms.joined(separator: " AND "))
            ORDER BY \(column) \(direction), d.id \(direction)
            """
        return (sql, arguments)
    }

    /// The index a queue walks in its order, when SQLite's planner would rather gather the rows of
    /// several states and sort them (which costs as much as the queue is long). A queue of one
    /// state, or one agent's dossiers, is left to the planner: its indexes already give the order,
    /// or the rows to sort are few.
    static func indexHint(_ filter: QueueFilter, sort: QueueSort) -> String? {
        if case .agent = filter.assignee { return nil }
        switch (filter.scope, sort) {
        case (.open, .oldest), (.open, .newest): return "dossier_open_by_age"
        case (.open, .dueFirst): return "dossier_open_by_due"
        case (.decided, .oldest), (.decided, .newest), (.all, .oldest), (.all, .newest): return "dossier_by_age"
        case (.decided, .dueFirst), (.all, .dueFirst): return "dossier_by_due"
        case (.state, _): return nil
        }
    }

    static func entry(_ row: StoreRow) -> QueueEntry {
        QueueEntry(id: row[0], number: row[1] ?? "", procedureCode: row[2], applicantName: row[8] ?? "",
                   state: DossierState(rawValue: row[3]) ?? .submitted, assigneeID: row[4], assigneeName: row[9],
                   submittedAt: row[5] ?? "", dueOn: (row[6] as String?).flatMap(CalendarDate.init(iso:)),
                   piecesDueOn: (row[7] as String?).flatMap(CalendarDate.init(iso:)))
    }
}
