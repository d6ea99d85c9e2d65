package import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension StoreRowDecodable {
    package static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self(row: SQLiteSession.row($0)) }
    }

    package static func fetchOne(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try Row.fetchOne(db, sql: sql, arguments: arguments).map { try Self(row: SQLiteSession.row($0)) }
    }

    package static func fetchCursor(_ db: Database, sql: String,
                                    arguments: StatementArguments = StatementArguments()) throws -> MapCursor<RowCursor, Self> {
        try Row.fetchCursor(db, sql: sql, arguments: arguments).map { try Self(row: SQLiteSession.row($0)) }
    }
}
