// Reading values and rows through the seam with the same calls as the engine's own API:
// `Int.fetchOne(db, sql:arguments:)`, `StoreRow.fetchAll(db, sql:arguments:)`.

extension StoreValueConvertible {
    /// The first column of the first row, nil when there is no row or the value is NULL.
    package static func fetchOne(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> Self? {
        try db.fetchFirstRow(sql: sql, arguments: arguments).flatMap { $0.values.first }.flatMap(Self.fromStoreValue)
    }

    /// The first column of every row, NULLs left out.
    package static func fetchAll(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> [Self] {
        try db.fetchRows(sql: sql, arguments: arguments).compactMap { $0.values.first.flatMap(Self.fromStoreValue) }
    }

    package static func fetchOne(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> Self? {
        try statement.fetchFirstRow(arguments: arguments).flatMap { $0.values.first }.flatMap(Self.fromStoreValue)
    }

    package static func fetchAll(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> [Self] {
        try statement.fetchRows(arguments: arguments).compactMap { $0.values.first.flatMap(Self.fromStoreValue) }
    }
}

extension StoreValueConvertible where Self: Hashable {
    package static func fetchSet(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> Set<Self> {
        Set(try fetchAll(db, sql: sql, arguments: arguments))
    }

    package static func fetchSet(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> Set<Self> {
        Set(try fetchAll(statement, arguments: arguments))
    }
}

extension StoreRow {
    package static func fetchAll(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> [StoreRow] {
        try db.fetchRows(sql: sql, arguments: arguments)
    }

    package static func fetchOne(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> StoreRow? {
        try db.fetchFirstRow(sql: sql, arguments: arguments)
    }

    package static func fetchCursor(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> StoreRowCursor {
        try db.fetchRowCursor(sql: sql, arguments: arguments)
    }

    package static func fetchAll(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> [StoreRow] {
        try statement.fetchRows(arguments: arguments)
    }

    package static func fetchOne(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> StoreRow? {
        try statement.fetchFirstRow(arguments: arguments)
    }

    package static func fetchCursor(_ statement: StoreStatement, arguments: StoreArguments = StoreArguments()) throws -> StoreRowCursor {
        try statement.fetchRowCursor(arguments: arguments)
    }
}
