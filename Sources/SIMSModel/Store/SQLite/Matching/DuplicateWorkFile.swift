import Foundation
package import GRDB

/// The duplicate analysis' work file (``DuplicateAnalysis``): a private SQLite file, whatever
/// engine holds the register, with one row per person (its record as text and its blocking keys)
/// and one per key, so that SQLite sorts the keys on disk and memory stays bounded by the file's
/// cache. Opened for one analysis with ``withFile(at:cacheKiB:_:)``, without journal nor sync (the
/// file is removed at the end).
///
/// ```swift
/// try DuplicateWorkFile.withFile(at: path, cacheKiB: 262_144) { work in
///     try work.addPersons { add in try add(12, record.text, keys) }
///     try work.forEachBlockEntry { key, id in ... }
/// }
/// ```
struct DuplicateWorkFile {
    private let db: Database

    private init(_ db: Database) { self.db = db }

    /// Creates the file's tables at `path` (an empty file made by the caller) and hands it to `body`.
    static func withFile<T>(at path: String, cacheKiB: Int, _ body: (DuplicateWorkFile) throws -> T) throws -> T {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -\(cacheKiB)")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.inDatabase { db in
            try db.execute(sql: """
                CREATE TABLE person (id INTEGER PRIMARY KEY, record TEXT NOT NULL, keys BLOB NOT NULL);
                CREATE TABLE block (key INTEGER NOT NULL, id INTEGER NOT NULL);
                """)
            return try body(DuplicateWorkFile(db))
        }
    }

    /// Adds persons in one transaction: `body` is given the function that files one person's
    /// id, record text and blocking keys.
    func addPersons(_ body: (_ add: (Int64, String, [UInt64]) throws -> Void) throws -> Void) throws {
        let insertPerson = try db.makeStatement(sql: "INSERT INTO person (id, record, keys) VALUES (?, ?, ?)")
        let insertKey = try db.makeStatement(sql: "INSERT INTO block (key, id) VALUES (?, ?)")
        try db.inTransaction {
            try body { id, record, keys in
                var bytes = Data(capacity: keys.count * 8)
                for key in keys { withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) } }
                try insertPerson.execute(arguments: [id, record, bytes])
                for key in keys { try insertKey.execute(arguments: [Int64(bitPattern: key), id]) }
            }
            return .commit
        }
    }

    /// How many (key, person) entries the file holds.
    func blockEntryCount() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT count(*) FROM block") ?? 0
    }

    /// The keys shared by more than `size` persons.
    func keys(sharedByMoreThan size: Int) throws -> Set<UInt64> {
        Set(try Int64.fetchAll(db, sql: "SELECT key FROM block GROUP BY key HAVING count(*) > ?", arguments: [size])
            .map { UInt64(bitPattern: $0) })
    }

    /// Every (key, person id) entry, ordered by key then id.
    func forEachBlockEntry(_ body: (UInt64, Int64) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT key, id FROM block ORDER BY key, id")
        while let row = try cursor.next() {
            try body(UInt64(bitPattern: row[0]), row[1])
        }
    }

    /// A person's record text and blocking keys, nil when the file has no such person.
    func person(id: Int64) throws -> (record: String, keys: [UInt64])? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT record, keys FROM person WHERE id = ?"), arguments: [id])
        else { return nil }
        let data: Data = row[1]
        let keys = data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) }
        }
        return (row[0], keys)
    }

    /// A person's record text, nil when the file has no such person.
    func record(id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT record FROM person WHERE id = ?"), arguments: [id])
    }
}
