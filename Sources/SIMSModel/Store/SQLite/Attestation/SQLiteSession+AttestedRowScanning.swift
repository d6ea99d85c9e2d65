internal import GRDB
internal import GRDBSQLite

/// Reads an attested table back on SQLite's C API, one statement stepped by hand and one buffer
/// for all its rows: `guichet check` walks every attested row of the register this way.
extension SQLiteSession: AttestedRowScanning {
    func scanAttestedRows(table: AttestedTable, where condition: String?, legacy: Bool,
                          body: (_ key: () -> String, _ bucket: Int64, _ leaf: RowLeaf) throws -> Void) throws {
        let select = legacy ? table.legacySelectSQL : table.selectSQL
        let statement = try database.makeStatement(sql: select + (condition.map { " WHERE \($0)" } ?? ""))
        let handle = statement.sqliteStatement
        let width = legacy ? table.legacyColumns.count : table.columns.count
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)))
            }
            let leaf = RowLeaf(table: table, count: width, buffer: &buffer) { sqlite3_column_value(handle, Int32($0)) }
            let bucket = sqlite3_column_type(handle, 0) == SQLITE_INTEGER ? sqlite3_column_int64(handle, 0) / AttestedTable.bucketWidth : 0
            try body({ AttestationFunctions.key(table: table) { sqlite3_column_value(handle, Int32($0)) }.0 }, bucket, leaf)
        }
        sqlite3_reset(handle)
    }
}
