import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL register opened from its URI: one connection, lent to one read or one transaction
/// at a time as a ``PostgresSession`` (the counterpart of ``SIMSStore``'s reads and writes).
///
/// ```swift
/// let store = try PostgresStore.open(PostgresURI.parse("postgresql:///sims?host=/run/postgresql"))
/// let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") }
/// try store.write { db in try db.execute(sql: "UPDATE tier SET phone = ? WHERE id = ?", arguments: [phone, id]) }
/// ```
///
/// A write is one transaction (`BEGIN … COMMIT`), rolled back when its closure throws or leaves
/// attested rows that no event sealed (``EventLog/seal(_:)``, `PostgresSession+RowAttesting`); writes
/// queue behind each other as SQLite's do (a transaction-scoped advisory lock), so that the
/// services' read-then-write steps (the chain's next event) stay as they are on SQLite. A lost
/// connection is opened again at the next read or write.
package final class PostgresStore: @unchecked Sendable {
    /// The oldest PostgreSQL major version Guichet runs on: the oldest the PostgreSQL community
    /// still supports (14 ended in November 2026), Debian 12's.
    package static let minimumMajorVersion = 15

    /// The advisory lock every write takes (the writers' turn, as SQLite's single writer).
    static let writeTurnLock: Int64 = 0x5349_4D53_5752_4954   // "SIMSWRIT"

    package let uri: PostgresURI
    /// The database's name, for messages.
    package let database: String
    private let user: String
    private let logger: Logger
    private let lock = NSLock()
    private var connection: PostgresConnection?
    private var pending: PostgresPendingStatement?
    private var server = ""
    private var owner: pthread_t?

    private init(uri: PostgresURI, user: String, database: String) {
        self.uri = uri
        self.user = user
        self.database = database
        var logger = Logger(label: "guichet.postgresql")
        logger.logLevel = .warning
        self.logger = logger
    }

    /// Connects to the register at `uri`: the server must be PostgreSQL ≥ ``minimumMajorVersion``
    /// and, when `requireRegister`, its database must hold a register this Guichet can read
    /// (else a French ``PostgresStoreError`` says what to check).
    package static func open(_ uri: PostgresURI, requireRegister: Bool = true) throws -> PostgresStore {
        let store = PostgresStore(uri: uri, user: uri.user ?? currentUserName(), database: databaseName(of: uri))
        try store.withConnection { _ in }
        if requireRegister {
            try store.read { session in try PostgresSchemaInstaller.checkRegister(session, database: store.database) }
        }
        return store
    }

    /// The database `uri` names: its own, else libpq's default, the role's name.
    package static func databaseName(of uri: PostgresURI) -> String {
        uri.database ?? uri.user ?? currentUserName()
    }

    /// Runs `reads` on a consistent snapshot (`REPEATABLE READ, READ ONLY`).
    package func read<T>(_ reads: (any StoreSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", writes: false, reads)
    }

    /// Runs `updates` in one transaction: committed when it returns, rolled back when it throws.
    package func write<T>(_ updates: (any StoreSession) throws -> T) throws -> T {
        try transaction(begin: "BEGIN", writes: true, updates)
    }

    /// Closes the connection (a later read or write opens it again).
    package func close() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    deinit {
        guard let connection else { return }
        if connection.eventLoop.inEventLoop {
            // The last reference went on one of the driver's threads, where waiting is a fatal
            // error: the close completes on its own, the closure keeping the connection alive till then.
            connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
        } else {
            try? connection.close().wait()
        }
    }

    private func transaction<T>(begin: String, writes: Bool, _ body: (any StoreSession) throws -> T) throws -> T {
        try withConnection { connection in
            let session = PostgresSession(connection: connection, pending: pending!, server: server, logger: logger)
            session.readsOnly = !writes
            do {
                try session.execute(sql: begin)
                if writes {
                    try session.execute(sql: "SELECT pg_advisory_xact_lock(?)", arguments: [Self.writeTurnLock])
                }
            } catch {
                throw lost(error)
            }
            let result: T
            do {
                result = try body(session)
                // Rows the closure wrote and no event sealed: refused, as SQLite's AttestationGuard does.
                if writes { try session.refuseUnsealedRows() }
            } catch {
                if !connection.isClosed { try? session.execute(sql: "ROLLBACK") }
                throw lost(error)
            }
            do {
                try session.execute(sql: "COMMIT")
            } catch PostgresStoreError.connectionLost(let server, _) {
                forgetConnection()
                throw PostgresStoreError.connectionLost(server: server, duringCommit: true)
            }
            return result
        }
    }

    /// `error`, the connection forgotten when it was lost (the server rolled the transaction back).
    private func lost(_ error: any Error) -> any Error {
        if case PostgresStoreError.connectionLost = error { forgetConnection() }
        return error
    }

    /// Drops a connection taken for lost; one the driver still holds open is closed first (the
    /// driver refuses to let go of an open one), without waiting, the closure keeping it alive till then.
    private func forgetConnection() {
        guard let lost = connection else { return }
        connection = nil
        if !lost.isClosed { lost.close().whenComplete { _ in withExtendedLifetime(lost) {} } }
    }

    /// Lends the connection (opened first when there is none), one caller at a time.
    private func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        precondition(owner.map { pthread_equal($0, pthread_self()) == 0 } ?? true,
                     "PostgresStore: a read or write inside another one on the same store")
        lock.lock()
        owner = pthread_self()
        defer {
            owner = nil
            lock.unlock()
        }
        if connection?.isClosed ?? true {
            connection = nil
            connection = try connect()
        }
        return try body(connection!)
    }

    /// The first server of the URI that answers (and accepts writes, when the URI asks for a
    /// primary), checked for its version.
    private func connect() throws -> PostgresConnection {
        var lastError: (any Error)?
        var standbys: [String] = []
        let wantsPrimary = ["read-write", "primary"].contains(uri.parameters["target_session_attrs"] ?? "any")
        for endpoint in uri.endpoints {
            let shown = endpoint.shown
            let connection: PostgresConnection
            do {
                connection = try PostgresConnection.connect(
                    on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration(endpoint),
                    id: 1, logger: logger).wait()
            } catch {
                lastError = PostgresErrorTranslation.connecting(error, server: shown, user: user, database: database)
                // A refused role or a missing database is the same on every server: say it now.
                if case PostgresStoreError.serverUnreachable = lastError! { continue }
                throw lastError!
            }
            do {
                pending = PostgresPendingStatement(connection: connection, server: shown)
                let session = PostgresSession(connection: connection, pending: pending!, server: shown, logger: logger)
                let versionText = try String.fetchOne(session, sql: "SHOW server_version") ?? ""
                let number = try Int.fetchOne(session, sql: "SELECT current_setting('server_version_num')::integer") ?? 0
                if let refusal = Self.versionRefusal(server: shown, versionNumber: number, version: versionText) { throw refusal }
                if wantsPrimary, try Bool.fetchOne(session, sql: "SELECT pg_is_in_recovery()") == true {
                    standbys.append(shown)
                    try? connection.close().wait()
                    continue
                }
            } catch {
                try? connection.close().wait()
                throw error
            }
            server = shown
            return connection
        }
        if !standbys.isEmpty { throw PostgresStoreError.noWritableServer(servers: standbys) }
        throw lastError ?? PostgresStoreError.serverUnreachable(server: "?", reason: "aucun serveur dans l'adresse")
    }

    /// Why a server of this version (`server_version_num`, e.g. 150018) is refused, nil when it is not.
    package static func versionRefusal(server: String, versionNumber: Int, version: String) -> PostgresStoreError? {
        versionNumber / 10_000 >= minimumMajorVersion ? nil
            : .serverTooOld(server: server, version: version, minimum: minimumMajorVersion)
    }

    private func configuration(_ endpoint: PostgresURI.Endpoint) throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch endpoint {
        case .socket(let folder, let port):
            configuration = .init(unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: user, password: uri.password,
                                  database: database)
        case .tcp(let host, let port):
            let mode = uri.parameters["sslmode"] ?? "prefer"
            var tls: PostgresConnection.Configuration.TLS = .disable
            if mode != "disable" && mode != "allow" {
                var client = TLSConfiguration.makeClientConfiguration()
                if !mode.hasPrefix("verify") { client.certificateVerification = .none }
                let context = try NIOSSLContext(configuration: client)
                tls = mode == "prefer" ? .prefer(context) : .require(context)
            }
            configuration = .init(host: host, port: port, username: user, password: uri.password, database: database, tls: tls)
        }
        if let seconds = uri.parameters["connect_timeout"].flatMap(Int64.init), seconds > 0 {
            configuration.options.connectTimeout = .seconds(seconds)
        }
        let name = uri.parameters["application_name"] ?? "guichet"
        configuration.options.additionalStartupParameters = [("application_name", name)]
        return configuration
    }

    /// libpq's default role: the name of the account running the process.
    private static func currentUserName() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "guichet"
    }
}
