/// The PostgreSQL engine of ``SIMSStore``: a ``PostgresStore`` (one connection, one read or one
/// transaction at a time), its register checked when opened.
///
/// ```swift
/// let connection = PostgresEngineConnection(try PostgresStore.open(uri))
/// let agents = try connection.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM agent") }
/// ```
package final class PostgresEngineConnection: StoreEngineConnection {
    /// The register's connection.
    package let store: PostgresStore

    package init(_ store: PostgresStore) { self.store = store }

    package var engine: StoreEngine { .postgresql }

    package func read<T>(_ reads: (any StoreSession) throws -> T) throws -> T {
        try store.read(reads)
    }

    package func write<T>(_ updates: (any StoreSession) throws -> T) throws -> T {
        try store.write(updates)
    }

    package func close() throws {
        store.close()
    }
}

extension PostgresEngineConnection {
    /// Connects to the register at `uri`. A database without Guichet's register is refused in
    /// French (empty: « guichet init »; another application's; a newer Guichet's), unless `create`:
    /// then an empty database receives the schema first (``PostgresSchemaInstaller``), and a
    /// register already there is opened as it is.
    package static func open(_ uri: PostgresURI, create: Bool) throws -> PostgresEngineConnection {
        let store = try PostgresStore.open(uri, requireRegister: !create)
        if create {
            let installed = try store.read { db in try db.tableExists(PostgresSchema.markerTable) }
            if !installed { try PostgresSchemaInstaller.install(store) }
            try store.read { db in try PostgresSchemaInstaller.checkRegister(db, database: store.database) }
        }
        return PostgresEngineConnection(store)
    }
}
