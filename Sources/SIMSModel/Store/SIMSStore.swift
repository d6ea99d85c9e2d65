import Foundation
package import GRDB
import Logging

/// The SIMS store: one SQLite file in WAL mode shared by every `guichet` process.
///
/// ```swift
/// let store = try SIMSStore.open(path: "/var/lib/guichet/sims.sqlite", create: true)
/// let hits = try TierSearch(store: store).search("helene wamitan")
/// ```
///
/// Every write goes through a service (``TierService``, ``AgentService``, ``TierImporter``) that
/// records its event in the same transaction.
public final class SIMSStore: Sendable {
    /// The file path of the database.
    public let path: String
    /// The connection pool (one writer, concurrent readers).
    package let pool: DatabasePool
    /// The clock used for every timestamp.
    public let clock: SIMSClock
    /// Turns between this process's writes and a long write of another (``StoreWriteTurn``).
    public let turn: StoreWriteTurn

    private init(path: String, pool: DatabasePool, clock: SIMSClock, turn: StoreWriteTurn) {
        self.path = path
        self.pool = pool
        self.clock = clock
        self.turn = turn
    }

    /// SQLite's own waits between two tries of a busy store (its default busy handler's), in
    /// milliseconds; the last repeats.
    static let busyDelays: [Int] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]
    /// How long a write waits for a busy store before it fails.
    static let busyTimeout = 10.0

    /// The busy handler: says that this process waits (``StoreWriteTurn/waiting()``), so that a
    /// long write lets it in between two transactions, and sleeps as SQLite's own handler does
    /// until ``busyTimeout``.
    static func busyHandler(_ turn: StoreWriteTurn) -> Database.BusyCallback {
        { tries in
            let waited = busyDelays.prefix(tries).reduce(0, +) + max(0, tries - busyDelays.count) * busyDelays.last!
            guard Double(waited) < busyTimeout * 1000 else {
                turn.done()
                return false
            }
            turn.waiting()
            usleep(useconds_t(busyDelays[min(tries, busyDelays.count - 1)] * 1000))
            return true
        }
    }

    /// Opens the store at `path`, creating the file and its folder when `create` is true,
    /// and brings its schema up to date. A store written by a newer Guichet is refused.
    public static func open(path: String, create: Bool = false, clock: SIMSClock = .system) throws -> SIMSStore {
        let path = try StoreLocation.filePath(path)
        let fm = FileManager.default
        if !fm.fileExists(atPath: path) {
            guard create else { throw StoreError.missingStore(path: path) }
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty, !fm.fileExists(atPath: dir) {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            }
            // Readable by its owner alone whatever the umask; SQLite gives its WAL and shared-memory
            // files the same mode as the database.
            let fd = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 { fchmod(fd, 0o600); Foundation.close(fd) }
            // A new register at this path: the anchors of the store that was here are kept aside.
            AnchorLog(storePath: path).setAside(now: clock.now())
        }
        var config = Configuration()
        // SQLite's own wait, sleeping longer and longer (up to 100 ms a try), is kinder to a
        // loaded machine than short polling: with 500 agents on 2 cores, sleeps of 1 to 4 ms made
        // every waiting process wake hundreds of times a second, the writer holding the lock got
        // no CPU, and writes waited a minute (see « bench charge » in the README).
        let turn = StoreWriteTurn(storePath: path)
        config.busyMode = .callback(busyHandler(turn))
        config.foreignKeysEnabled = true
        config.label = "SIMS"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try AttestationFunctions.install(db)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
            // A busy store is not an unreadable one: the caller may wait and try again; a full or
            // failing disk is not a damaged store.
            throw StoreError.hostFault(error, at: path) ?? StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
        let migrator = StoreMigrations.migrator
        let superseded: Bool
        do {
            superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
        } catch let error as DatabaseError where error.resultCode != .SQLITE_BUSY {
            // A busy store is not an unreadable one: the caller may wait and try again; a full or
            // failing disk is not a damaged store.
            throw StoreError.hostFault(error, at: path) ?? StoreError.unreadable(path: path, reason: error.message ?? "\(error)")
        }
        if superseded { throw StoreError.newerSchema(path: path) }
        let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
        // An up-to-date store is opened without touching the writer's lock: when a province's
        // agents all start Guichet at 8:00, their starts do not queue behind each other's writes.
        if !Set(migrator.migrations).isSubset(of: Set(applied)) {
            do {
                try migrator.migrate(pool)
            } catch {
                throw StoreError.hostFault(error, at: path) ?? error
            }
        }
        if !applied.isEmpty {
            // An existing store brought up to date: tell the administrator which steps ran.
            let logger = Logger(label: "guichet.store")
            for migration in migrator.migrations where !applied.contains(migration) {
                logger.notice("Base \(path) mise à jour : migration \(migration) appliquée.")
            }
        }
        return SIMSStore(path: path, pool: pool, clock: clock, turn: turn)
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
        defer { turn.done() }
        let result: T
        do {
            result = try pool.write { db in
                let session = SQLiteSession(db)
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
        try pool.read { db in try reads(SQLiteSession(db)) }
    }

    /// ``write(_:)`` with SQLite's own connection, for the tests' fixtures that write what only
    /// SQLite can (a trigger set aside, a row forged behind the services' back). No service uses it.
    package func writeDatabase<T>(_ updates: (Database) throws -> T) throws -> T {
        try write { session in
            guard let sqlite = session as? SQLiteSession else { throw StoreError.missingCapability(engine: "PostgreSQL", capability: "SQLite") }
            return try updates(sqlite.database)
        }
    }

    /// Folds the write-ahead log into the database file and closes every connection: the file
    /// alone then holds everything (before it is moved or copied).
    public func close() throws {
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
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
