import Foundation

/// The identity of a register: a random id drawn once, when the store is created (or brought to
/// migration v20), and kept in it (`register_identity`). Anchors and backup seals name it, so that
/// a backup of another register, or anchors of another register, are told apart from this one's.
///
/// ```swift
/// let id = try store.read { db in try RegisterIdentity.id(db) }   // "5c0f3b…" (32 hex digits)
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
    package static func id(_ db: any StoreSession) throws -> String? {
        guard try db.tableExists("register_identity") else { return nil }
        return try String.fetchOne(db, sql: "SELECT register_id FROM register_identity WHERE id = 1")
    }
}
