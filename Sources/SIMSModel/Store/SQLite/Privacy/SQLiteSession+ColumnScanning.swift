package import GRDB
package import GRDBSQLite

/// SQLite's scan: the statement stepped by SQLite's C interface, each column read in place.
extension SQLiteSession: ColumnScanning {
    package func scanColumns(sql: String, arguments: StoreArguments, _ body: (any ScannedColumns) throws -> Void) throws {
        let statement = try database.makeStatement(sql: sql)
        try statement.setArguments(Self.arguments(arguments))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        let row = SQLiteScannedColumns(handle: handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
            try body(row)
        }
    }
}
