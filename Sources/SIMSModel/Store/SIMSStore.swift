import Foundation
package import GRDB

/// The SIMS store: the register on one of its engines (``StoreEngineConnection``), SQLite's file
/// in WAL mode shared by every `guichet` process or a PostgreSQL database.
///
/// ```swift
/// let store = try SIMSStore.open(path: "/var/lib/guichet/sims.sqlite", create: true)
/// let shared = try SIMSStore.open(path: "postgresql:///sims?host=/run/postgresql")
/// let hits = try TierSearch(store: store).search("helene wamitan")
/// ```
///
/// Every write goes through a service (``TierService``, ``AgentService``, ``TierImporter``) that
/// records its event in the same transaction.
public final class SIMSStore: Sendable {
    /// The path the store's companion files are named after (its pieces' folder beside it,
    /// `.sessions`, `.attente`, `.ancres`, `.cle-sceau`): the SQLite file itself, or for a
    /// PostgreSQL register `<its local folder>/<database>` (``StoreLocation/postgresFolder(database:environment:)``).
    public let path: String
    /// The register as shown to people: the SQLite file's path, or the PostgreSQL URI without
    /// its password.
    public let location: String
    /// The engine's connection: every read and write goes through it.
    package let connection: any StoreEngineConnection
    /// The clock used for every timestamp.
    public let clock: SIMSClock
    /// Turns between this process's writes and a long write of another (``StoreWriteTurn``).
    public let turn: StoreWriteTurn

    private init(path: String, location: String, connection: any StoreEngineConnection, clock: SIMSClock, turn: StoreWriteTurn) {
        self.path = path
        self.location = location
        self.connection = connection
        self.clock = clock
        self.turn = turn
    }

    /// The engine the register runs on.
    package var engine: StoreEngine { connection.engine }

    /// The engine's name, for messages.
    private var engineName: String { engine == .sqlite ? "SQLite" : "PostgreSQL" }

    /// SQLite's connection pool, for what only SQLite does (a backup's page copy, a checkpoint, the
    /// tests' fixtures); on PostgreSQL, ``StoreError/missingCapability(engine:capability:)``.
    package var sqlitePool: DatabasePool {
        get throws {
            guard let sqlite = connection as? SQLiteEngineConnection else {
                throw StoreError.missingCapability(engine: "PostgreSQL", capability: "accès direct au fichier SQLite")
            }
            return sqlite.pool
        }
    }

    /// Opens the store at `path`, a SQLite file or a PostgreSQL URI (``PostgresURI``).
    ///
    /// A SQLite file is created with its folder when `create` is true, and its schema brought up
    /// to date; one written by a newer Guichet is refused. A PostgreSQL database must hold
    /// Guichet's register (an empty one is refused: « guichet init »), unless `create`: an empty
    /// database then receives the schema. Its companion files go to its local folder
    /// (``StoreLocation/postgresFolder(database:environment:)``), created when missing.
    public static func open(path: String, create: Bool = false, clock: SIMSClock = .system,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SIMSStore {
        if PostgresURI.isURI(path) {
            let connection = try PostgresEngineConnection.open(PostgresURI.parse(path), create: create)
            let stem = try StoreLocation.companionPath(of: path, environment: environment)
            try StoreLocation.makeFolder((stem as NSString).deletingLastPathComponent)
            return SIMSStore(path: stem, location: PostgresURI.redacted(path), connection: connection, clock: clock,
                             turn: StoreWriteTurn(storePath: stem))
        }
        let path = try StoreLocation.filePath(path)
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard create else { throw StoreError.missingStore(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !fm.fileExists(atPath: dir) { try StoreLocation.makeFolder(dir) }
            // Readable by its owner alone whatever the umask; SQLite gives its WAL and shared-memory
            // files the same mode as the database.
            let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { fchmod(fd, 0o600); Foundation.close(fd) }
            // A new register at this path: the anchors of the store that was here are kept aside.
            AnchorLog(storePath: path).setAside(now: clock.now())
        }
        let turn = StoreWriteTurn(storePath: path)
        let connection = try SQLiteEngineConnection.open(path: path, turn: turn)
        return SIMSStore(path: path, location: path, connection: connection, clock: clock, turn: turn)
    }

    /// Runs one user action's writes in one transaction and seals the rows it wrote into its event
    /// (``EventLog/seal(_:)``) before committing. Every service writes through this. After the
    /// commit, the chain's head leaves the store when the last anchor is an hour old (``ExternalAnchors``).
    ///
    /// ```swift
    /// try store.write { db in
    ///     try db.execute(sql: "UPDATE dossier SET ... WHERE id = ?", arguments: [id])
    ///     try EventLog.append(db, kind: .dossierReassigned, ...)
    /// }
    /// ```
    ///
    /// A full or failing disk is thrown as ``StoreError/diskFull(folder:available:needed:)`` or
    /// ``StoreError/diskFailure(folder:reason:)`` (the transaction rolled back).
    package func write<T>(_ updates: (any StoreSession) throws -> T) throws -> T {
        let result: T
        do {
            result = try connection.write { session in
                // Every row written is attested by its event: an engine whose session cannot
                // attest rows (yet) writes nothing.
                guard session is any RowAttesting else {
                    throw StoreError.missingCapability(engine: engineName, capability: "attestation des lignes")
                }
                let result = try updates(session)
                try EventLog.seal(session)
                return result
            }
        } catch {
            throw StoreError.hostFault(error, at: path) ?? error
        }
        ExternalAnchors.afterCommit(self)
        return result
    }

    /// Reads a consistent snapshot of the register (other writers go on meanwhile).
    ///
    /// ```swift
    /// let count = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") }
    /// ```
    package func read<T>(_ reads: (any StoreSession) throws -> T) throws -> T {
        try connection.read(reads)
    }

    /// ``write(_:)`` with SQLite's own connection, for the tests' fixtures that write what only
    /// SQLite can (a trigger set aside, a row forged behind the services' back). No service uses it.
    package func writeDatabase<T>(_ updates: (Database) throws -> T) throws -> T {
        try write { session in
            guard let sqlite = session as? SQLiteSession else { throw StoreError.missingCapability(engine: "PostgreSQL", capability: "accès direct au fichier SQLite") }
            return try updates(sqlite.database)
        }
    }

    /// Closes the register's connections; on SQLite, the write-ahead log is folded into the
    /// database file first: the file alone then holds everything (before it is moved or copied).
    public func close() throws {
        try connection.close()
    }

    /// Counts of what the store holds, for a summary; a record absorbed by a merge (it is its
    /// survivor now) or erased completely at the person's request is not counted.
    public func summary() throws -> StoreSummary {
        try read { db in
            let standing = "id NOT IN (\(RetiredTiers.idsSQL))"
            return StoreSummary(
                persons: try Int.fetchOne(db, sql: "SELECT count(*) FROM tier WHERE kind = 'personne' AND \(standing)") ?? 0,
                organisations: try Int.fetchOne(db, sql: "SELECT count(*) FROM tier WHERE kind = 'organisation' AND \(standing)") ?? 0,
                relations: try Int.fetchOne(db, sql: "SELECT count(*) FROM relation") ?? 0,
                agents: try Int.fetchOne(db, sql: "SELECT count(*) FROM agent WHERE active = 1") ?? 0,
                events: try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0)
        }
    }
}
