import Foundation
package import GRDB
import Logging

/// The SQLite engine of ``SIMSStore``: one file in WAL mode shared by every `guichet` process,
/// through GRDB's pool (one writer, concurrent readers), its schema brought up to date by
/// ``StoreMigrations`` when opened.
///
/// ```swift
/// let turn = StoreWriteTurn(storePath: path)
/// let connection = try SQLiteEngineConnection.open(path: path, turn: turn)
/// try connection.write { db in try db.execute(sql: "UPDATE tier SET phone = ? WHERE id = ?", arguments: [phone, id]) }
/// ```
package final class SQLiteEngineConnection: StoreEngineConnection {
    /// The connection pool, for what only SQLite does (backups' page copy, checkpoints, the
    /// tests' fixtures): reached through ``SIMSStore/sqlitePool``.
    package let pool: DatabasePool
    /// Turns between this process's writes and a long write of another.
    private let turn: StoreWriteTurn

    private init(pool: DatabasePool, turn: StoreWriteTurn) {
        self.pool = pool
        self.turn = turn
    }

    package var engine: StoreEngine { .sqlite }

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

    /// Opens the existing file at `path` and brings its schema up to date; a store written by a
    /// newer Guichet is refused.
    package static func open(path: String, turn: StoreWriteTurn) throws -> SQLiteEngineConnection {
        var config = Configuration()
        // SQLite's own wait, sleeping longer and longer (up to 100 ms a try), is kinder to a
        // loaded machine than short polling: with 500 agents on 2 cores, sleeps of 1 to 4 ms made
        // every waiting process wake hundreds of times a second, the writer holding the lock got
        // no CPU, and writes waited a minute (see « bench charge » in the README).
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
        return SQLiteEngineConnection(pool: pool, turn: turn)
    }

    package func read<T>(_ reads: (any StoreSession) throws -> T) throws -> T {
        try pool.read { db in try reads(SQLiteSession(db)) }
    }

    /// The transaction on the pool's writer; the process no longer waits for the store afterwards,
    /// whether it committed or not (``StoreWriteTurn/done()``).
    package func write<T>(_ updates: (any StoreSession) throws -> T) throws -> T {
        defer { turn.done() }
        return try pool.write { db in try updates(SQLiteSession(db)) }
    }

    /// Folds the write-ahead log into the database file and closes every connection: the file
    /// alone then holds everything (before it is moved or copied).
    package func close() throws {
        _ = try pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        try pool.close()
    }
}
