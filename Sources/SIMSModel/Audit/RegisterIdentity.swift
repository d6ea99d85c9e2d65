import Foundation
package import GRDB

/// The identity of a register: a random id drawn once, when the store is created (or brought to
/// migration v20), and kept in it (`register_identity`). Anchors and backup seals name it, so that
/// a backup of another register, or anchors of another register, are told apart from this one's.
///
/// ```swift
/// let id = try store.pool.read { db in try RegisterIdentity.id(db) }   // "5c0f3b…" (32 hex digits)
/// ```
public enum RegisterIdentity {
    /// The number of hexadecimal digits of an id.
    public static let length = 32

    /// A new random id.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<2).flatMap { _ -> [UInt8] in withUnsafeBytes(of: generator.next() as UInt64) { Array($0) } }
        return HexDigest.string(bytes)
    }

    /// The register's id; nil for a store older than migration v20 (a backup's copy before it is opened).
    package static func id(_ db: Database) throws -> String? {
        guard try db.tableExists("register_identity") else { return nil }
        return try String.fetchOne(db, sql: "SELECT register_id FROM register_identity WHERE id = 1")
    }

    /// Creates the table and draws the id (migration v20).
    static func create(_ db: Database, at: Date) throws {
        try db.execute(sql: """
            CREATE TABLE register_identity (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                register_id TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """)
        try db.execute(sql: "INSERT INTO register_identity (id, register_id, created_at) VALUES (1, ?, ?)",
                       arguments: [newID(), Timestamp.string(from: at)])
    }
}
