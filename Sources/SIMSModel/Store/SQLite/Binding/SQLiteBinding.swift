package import GRDB
package import GRDBSQLite

/// Binding values straight to a prepared SQLite statement, for the bulk writers that step
/// statements through the C API (import, search index, benchmark stores).
package enum SQLiteBinding {
    /// SQLite copies the bytes before the call returns (`SQLITE_TRANSIENT`).
    static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    /// SQLite reads the bytes in place until the statement is reset or rebound (`SQLITE_STATIC`):
    /// the caller keeps them alive that long.
    static let `static`: sqlite3_destructor_type? = nil

    /// Binds UTF-8 text, or NULL.
    package static func bind(_ text: String?, _ statement: OpaquePointer, _ index: Int32) {
        guard var text else { sqlite3_bind_null(statement, index); return }
        guard !text.isEmpty else { sqlite3_bind_text(statement, index, "", 0, transient); return }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                _ = sqlite3_bind_text(statement, index, chars.baseAddress, Int32(chars.count), transient)
            }
        }
    }

    /// Steps a statement that returns no row; a failure becomes GRDB's `DatabaseError` with SQLite's message.
    package static func step(_ statement: OpaquePointer, in db: Database) throws {
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(statement)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message,
                                sql: sqlite3_sql(statement).map { String(cString: $0) })
        }
    }

    /// Binds an integer, or NULL.
    package static func bind(_ value: Int64?, _ statement: OpaquePointer, _ index: Int32) {
        if let value { sqlite3_bind_int64(statement, index, value) } else { sqlite3_bind_null(statement, index) }
    }
}
