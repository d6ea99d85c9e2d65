/// The register's engine as ``SIMSStore`` holds it: SQLite's connection pool
/// (``SQLiteEngineConnection``) or a PostgreSQL connection (``PostgresEngineConnection``). It runs
/// one read or one transaction at a time and hands out the seam's session; what a write does
/// around its transaction (sealing its event, the anchors after the commit) stays in ``SIMSStore``.
///
/// ```swift
/// let count = try connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") }
/// try connection.write { db in try EventLog.seal(db) }
/// ```
package protocol StoreEngineConnection: Sendable {
    /// The engine behind this connection.
    var engine: StoreEngine { get }
    /// Runs `reads` on a consistent snapshot of the register.
    func read<T>(_ reads: (any StoreSession) throws -> T) throws -> T
    /// Runs `updates` in one transaction: committed when it returns, rolled back when it throws.
    func write<T>(_ updates: (any StoreSession) throws -> T) throws -> T
    /// Lets go of the register: everything written is in the database alone afterwards.
    func close() throws
}
