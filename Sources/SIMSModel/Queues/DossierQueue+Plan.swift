package import GRDB

extension DossierQueue {
    /// SQLite's plan for one page of a queue (`EXPLAIN QUERY PLAN`, one line per step), to see
    /// which index a filter and an order walk, and whether a page sorts the whole queue first
    /// (`USE TEMP B-TREE FOR ORDER BY`).
    ///
    /// ```swift
    /// for line in try queue.plan(QueueFilter(procedureCode: "BS"), sort: .dueFirst, today: today) { print(line) }
    /// ```
    public func plan(_ filter: QueueFilter, sort: QueueSort, today: CalendarDate, after cursor: QueueCursor? = nil,
                     limit: Int = 20) throws -> [String] {
        var (sql, arguments) = Self.query(filter, sort: sort, today: today, cursor: cursor, forward: true)
        sql += " LIMIT ?"
        arguments += [limit]
        return try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
        }
    }
}
