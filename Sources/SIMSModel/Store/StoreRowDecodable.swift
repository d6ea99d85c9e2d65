/// A model value read from a row of the store. The public model types (``Agent``,
/// ``AuditEvent``) decode themselves from rows without exposing the engine's record protocols
/// outside the package: callers of SIMSModel never see an engine's type.
///
/// ```swift
/// let agents = try Agent.fetchAll(db, sql: "SELECT * FROM agent ORDER BY login")
/// ```
package protocol StoreRowDecodable {
    init(row: StoreRow) throws
}

extension StoreRowDecodable {
    package static func fetchAll(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> [Self] {
        try StoreRow.fetchAll(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    package static func fetchOne(_ db: any StoreSession, sql: String, arguments: StoreArguments = StoreArguments()) throws -> Self? {
        try StoreRow.fetchOne(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }

    package static func fetchCursor(_ db: any StoreSession, sql: String,
                                    arguments: StoreArguments = StoreArguments()) throws -> StoreCursor<Self> {
        try StoreRow.fetchCursor(db, sql: sql, arguments: arguments).map { try Self(row: $0) }
    }
}
