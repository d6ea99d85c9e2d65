/// A statement prepared once and run many times with other arguments (``StoreSession/cachedStatement(sql:)``).
package final class StoreStatement {
    package let sql: String
    private let run: (StoreArguments) throws -> Void
    private let rows: (StoreArguments) throws -> [StoreRow]
    private let cursor: (StoreArguments) throws -> StoreRowCursor
    private let first: (StoreArguments) throws -> StoreRow?

    /// An engine's statement, given as what it does.
    package init(sql: String,
                 execute: @escaping (StoreArguments) throws -> Void,
                 fetchRows: @escaping (StoreArguments) throws -> [StoreRow],
                 fetchCursor: @escaping (StoreArguments) throws -> StoreRowCursor,
                 fetchFirstRow: ((StoreArguments) throws -> StoreRow?)? = nil) {
        self.sql = sql
        run = execute
        rows = fetchRows
        cursor = fetchCursor
        first = fetchFirstRow ?? { try fetchCursor($0).next() }
    }

    package func execute(arguments: StoreArguments = StoreArguments()) throws { try run(arguments) }
    package func fetchRows(arguments: StoreArguments) throws -> [StoreRow] { try rows(arguments) }
    package func fetchRowCursor(arguments: StoreArguments) throws -> StoreRowCursor { try cursor(arguments) }
    package func fetchFirstRow(arguments: StoreArguments) throws -> StoreRow? { try first(arguments) }
}
