internal import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension RowSalt {
    static func renew(_ db: Database, table: String, where condition: String, arguments: StoreArguments) throws {
        try renew(SQLiteSession(db), table: table, where: condition, arguments: arguments)
    }
}
