internal import GRDB
internal import GRDBSQLite

/// Walks a query on SQLite's C API, its statement stepped by hand and each row's columns read in
/// place (`guichet check` reads the search index this way).
extension SQLiteSession: ColumnScanning {
    func scanColumns(sql: String, _ body: (any ScannedColumns) throws -> Void) throws {
        let statement = try database.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
            try body(SQLiteScannedColumns(handle: handle))
        }
        sqlite3_reset(handle)
    }
}
