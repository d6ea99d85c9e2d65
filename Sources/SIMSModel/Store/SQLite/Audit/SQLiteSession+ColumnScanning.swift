internal import GRDB
internal import GRDBSQLite

/// Walks a query on SQLite's C API, its statement stepped by hand and each row's columns read in
/// place (`guichet check` reads the search index this way, the inactive persons' list the register).
extension SQLiteSession: ColumnScanning {
    func scanColumns(sql: String, arguments: StoreArguments, _ body: (any ScannedColumns) throws -> Void) throws {
        let statement = try database.makeStatement(sql: sql)
        if !arguments.isEmpty { try statement.setArguments(Self.arguments(arguments)) }
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
            try body(SQLiteScannedColumns(handle: handle))
        }
    }
}
