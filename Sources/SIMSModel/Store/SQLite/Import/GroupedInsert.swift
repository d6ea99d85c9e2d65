package import GRDB
package import GRDBSQLite

/// One `INSERT` prepared twice: for one row, and for `group` rows in a single statement. Stepping
/// a statement has a fixed cost (reset, statement start and end) larger than inserting a small
/// row, so ``SQLiteBulkTierRows`` inserts its rows `group` at a time and the rest one by one.
///
/// ```swift
/// let insert = try GroupedInsert(db, sql: "INSERT INTO t (a, b) VALUES ", row: "(?, ?)", columns: 2, group: 64)
/// try insert.insert(count: rows.count, step: step) { statement, first, i in
///     sqlite3_bind_int64(statement, first, rows[i].a)
///     sqlite3_bind_int64(statement, first + 1, rows[i].b)
/// }
/// ```
final class GroupedInsert {
    let group: Int
    private let columns: Int32
    private let single: Statement
    private let many: Statement

    init(_ db: Database, sql prefix: String, row: String, columns: Int, group: Int) throws {
        self.group = group
        self.columns = Int32(columns)
        single = try db.makeStatement(sql: prefix + row)
        many = try db.makeStatement(sql: prefix + Array(repeating: row, count: group).joined(separator: ", "))
    }

    /// Inserts `count` rows: `bind(statement, firstParameter, i)` binds row `i` from parameter
    /// `firstParameter` on, and `step` runs a statement, throwing its error. Bound values only
    /// need to live until this returns.
    func insert(count: Int, step: (OpaquePointer) throws -> Void,
                bind: (OpaquePointer, Int32, Int) -> Void) throws {
        var start = 0
        let statement = many.sqliteStatement, one = single.sqliteStatement
        defer {
            // The values may have been bound in place (`SQLITE_STATIC`): none is left pointing
            // at memory the caller is about to free, even after a failed step.
            sqlite3_clear_bindings(statement)
            sqlite3_clear_bindings(one)
        }
        while count - start >= group {
            sqlite3_reset(statement)
            for k in 0..<group { bind(statement, Int32(k) * columns + 1, start + k) }
            try step(statement)
            start += group
        }
        while start < count {
            sqlite3_reset(one)
            bind(one, 1, start)
            try step(one)
            start += 1
        }
    }
}
