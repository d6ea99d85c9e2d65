extension DossierQueue {
    /// The engine's plan for one page of a queue (SQLite's `EXPLAIN QUERY PLAN`, one line per step), to see
    /// which index a filter and an order walk, and whether a page sorts the whole queue first
    /// (`USE TEMP B-TREE FOR ORDER BY`).
    ///
    /// ```swift
    /// for line in try queue.plan(QueueFilter(procedureCode: "BS"), sort: .dueFirst, today: today) { print(line) }
    /// ```
    public func plan(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, after cursor: QueueCursor? = nil,
                     limit: Int = 20) throws -> [String] {
        try store.read { db in
            let planning = try db.capability(QueryPlanning.self)
            var (sql, arguments) = Self.query(filter, sort: sort, today: today, cursor: cursor, forward: true, planning: planning)
            sql += " LIMIT ?"
            arguments += [limit]
            return try planning.queryPlan(sql: sql, arguments: arguments)
        }
    }
}
