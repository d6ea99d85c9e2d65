import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL engine's session: one connection of ``PostgresStore`` during one read or one
/// transaction, behind the seam. The services are synchronous: each statement is sent to the
/// connection's event loop and waited for on the calling thread (never an event-loop thread).
///
/// The services' SQL is the same as on SQLite (``PostgresStatementText`` numbers its `?`
/// placeholders); rows are read whole (a cursor serves them one by one from memory).
package final class PostgresSession: StoreSession {
    private let connection: PostgresConnection
    private let pending: PostgresPendingStatement
    private let logger: Logger
    /// The server, for messages.
    package let server: String
    private var numberedStatements: [String: (sql: String, placeholders: Int)] = [:]
    private var lastChanges = 0
    /// The rows this transaction wrote to attested tables, taken from the server's
    /// `attest_pending` for ``EventLog`` to seal (``RowAttesting``, `PostgresSession+RowAttesting`).
    let attestedRows = AttestationAccumulator()
    /// The statements this session ran: the pending rows are taken again only when some ran since.
    private(set) var statementCount = 0
    /// ``statementCount`` when the pending rows were last taken (-1 before).
    var statementCountAtLastTaking = -1
    /// Why the pending rows could not be taken (the commit is then refused with it).
    var attestationFailure: (any Error)?
    /// Whether the session is a read (`READ ONLY`): it has no pending rows to take.
    var readsOnly = false

    init(connection: PostgresConnection, pending: PostgresPendingStatement, server: String, logger: Logger) {
        self.connection = connection
        self.pending = pending
        self.server = server
        self.logger = logger
    }

    package var engine: StoreEngine { .postgresql }

    package func execute(sql: String, arguments: StoreArguments) throws {
        if arguments.isEmpty {
            // A script: PostgreSQL's extended protocol runs one statement at a time.
            for statement in PostgresStatementText.statements(sql) {
                _ = try run(numbered(statement), arguments)
            }
        } else {
            _ = try run(numbered(sql), arguments)
        }
    }

    package func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow] {
        try run(numbered(sql), arguments).rows.map(PostgresValueCoding.row)
    }

    /// The first row (the server still sends every row: the query should say `LIMIT 1` when it may
    /// return many).
    package func fetchFirstRow(sql: String, arguments: StoreArguments) throws -> StoreRow? {
        try run(numbered(sql), arguments).rows.first.map(PostgresValueCoding.row)
    }

    package func fetchRowCursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor {
        StoreRowCursor(rows: try fetchRows(sql: sql, arguments: arguments))
    }

    /// The statement's text is numbered once and kept for the connection's life; the server parses
    /// it at each run (postgres-nio's named prepared statements give no row count, and bind their
    /// arguments with the types of their first use).
    package func cachedStatement(sql: String) throws -> StoreStatement {
        let statement = numbered(sql)
        return StoreStatement(
            sql: sql,
            execute: { [unowned self] arguments in _ = try self.run(statement, arguments) },
            fetchRows: { [unowned self] arguments in try self.run(statement, arguments).rows.map(PostgresValueCoding.row) },
            fetchCursor: { [unowned self] arguments in
                StoreRowCursor(rows: try self.run(statement, arguments).rows.map(PostgresValueCoding.row))
            },
            fetchFirstRow: { [unowned self] arguments in try self.run(statement, arguments).rows.first.map(PostgresValueCoding.row) })
    }

    /// The rows the last INSERT, UPDATE or DELETE changed (from the server's command tag).
    package var changesCount: Int { lastChanges }

    /// The value the last sequence (an identity column) gave in this connection, 0 before any: the
    /// id of the last row inserted without an explicit id. (SQLite's also reports an explicit id;
    /// services that insert explicit ids know them already.)
    package var lastInsertedRowID: Int64 {
        get throws {
            let changes = lastChanges
            defer { lastChanges = changes }
            try run(("SAVEPOINT guichet_lastval", 0), StoreArguments())
            do {
                let id = try Int64.fetchOne(self, sql: "SELECT lastval()")
                try run(("RELEASE SAVEPOINT guichet_lastval", 0), StoreArguments())
                return id ?? 0
            } catch PostgresStoreError.statementFailed(let state, _) where state == "55000" {
                // « lastval is not yet defined in this session »: no row inserted yet.
                try run(("ROLLBACK TO SAVEPOINT guichet_lastval", 0), StoreArguments())
                try run(("RELEASE SAVEPOINT guichet_lastval", 0), StoreArguments())
                return 0
            }
        }
    }

    package func tableExists(_ name: String) throws -> Bool {
        try Bool.fetchOne(self, sql: """
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = lower(?))
            """, arguments: [name]) ?? false
    }

    /// Runs `body` and gives ``changesCount`` back its value from before (the session's own
    /// statements between a service's write and its reading of the count).
    func keepingChangesCount<T>(_ body: () throws -> T) rethrows -> T {
        let changes = lastChanges
        defer { lastChanges = changes }
        return try body()
    }

    /// `sql` with its placeholders numbered, from the connection's cache.
    private func numbered(_ sql: String) -> (sql: String, placeholders: Int) {
        if let known = numberedStatements[sql] { return known }
        let statement = PostgresStatementText.numbered(sql)
        numberedStatements[sql] = statement
        return statement
    }

    /// Runs one statement and waits for all its rows.
    @discardableResult
    private func run(_ statement: (sql: String, placeholders: Int), _ arguments: StoreArguments) throws -> PostgresQueryResult {
        guard statement.placeholders == arguments.values.count else {
            throw PostgresStoreError.statementFailed(
                sqlState: "", message: "\(statement.placeholders) paramètres attendus, \(arguments.values.count) donnés")
        }
        statementCount += 1
        let query = PostgresQuery(unsafeSQL: statement.sql, binds: PostgresValueCoding.bindings(arguments))
        let result: PostgresQueryResult
        do {
            result = try pending.wait(for: connection.query(query, logger: logger), on: connection)
        } catch {
            throw PostgresErrorTranslation.running(error, server: server)
        }
        switch result.metadata.command {
        case "INSERT", "UPDATE", "DELETE", "MERGE": lastChanges = result.metadata.rows ?? 0
        default: break
        }
        return result
    }
}
