import Foundation

/// Installs the register's schema (``PostgresSchema``) in an empty PostgreSQL database, and tells
/// a Guichet register from an empty database or another application's when one is opened.
///
/// ```swift
/// let store = try PostgresStore.open(uri, requireRegister: false)
/// try PostgresSchemaInstaller.install(store)      // refused in French unless the database is empty
/// ```
package enum PostgresSchemaInstaller {
    /// Installs the current schema, its marker (``PostgresSchema/markerTable``) and the register's
    /// identity in one transaction: all or nothing. A database that holds any table is refused.
    package static func install(_ store: PostgresStore, registerID: String? = nil, at date: Date = Date()) throws {
        try store.write { session in
            let tables = try userTables(session)
            guard tables.isEmpty else { throw PostgresStoreError.databaseNotEmpty(database: store.database, tables: tables) }
            for version in 1...PostgresSchema.currentVersion {
                try session.execute(sql: PostgresSchema.versions[version]!)
            }
            let now = Timestamp.string(from: date)
            try session.execute(sql: """
                CREATE TABLE \(PostgresSchema.markerTable) (
                    id bigint PRIMARY KEY CHECK (id = 1),
                    application text NOT NULL,
                    register text NOT NULL,
                    version bigint NOT NULL,
                    installed_at text NOT NULL
                )
                """)
            try session.execute(sql: """
                INSERT INTO \(PostgresSchema.markerTable) (id, application, register, version, installed_at) VALUES (1, 'guichet', ?, ?, ?)
                """, arguments: [PostgresSchema.registerName, PostgresSchema.currentVersion, now])
            try session.execute(sql: "INSERT INTO register_identity (id, register_id, created_at) VALUES (1, ?, ?)",
                                arguments: [registerID ?? RegisterIdentity.newID(), now])
        }
    }

    /// Refuses a database that holds no register this Guichet reads: empty, another application's,
    /// or installed by a newer Guichet.
    static func checkRegister(_ session: any StoreSession, database: String) throws {
        guard try session.tableExists(PostgresSchema.markerTable) else {
            let tables = try userTables(session)
            if tables.isEmpty { throw PostgresStoreError.registerMissing(database: database) }
            throw PostgresStoreError.foreignDatabase(database: database, tables: tables)
        }
        guard let marker = try StoreRow.fetchOne(session, sql: "SELECT application, version FROM \(PostgresSchema.markerTable)"),
              marker["application"] as String? == "guichet" else {
            throw PostgresStoreError.foreignDatabase(database: database, tables: try userTables(session))
        }
        let version: Int = marker["version"]
        if version > PostgresSchema.currentVersion { throw PostgresStoreError.newerSchema(database: database, version: version) }
    }

    /// The tables of the database outside PostgreSQL's own schemas (`schema.table` when not in
    /// `public`), sorted.
    static func userTables(_ session: any StoreSession) throws -> [String] {
        try String.fetchAll(session, sql: """
            SELECT CASE WHEN schemaname = 'public' THEN tablename ELSE schemaname || '.' || tablename END
            FROM pg_catalog.pg_tables
            WHERE schemaname NOT IN ('pg_catalog', 'information_schema') AND schemaname NOT LIKE 'pg\\_%'
            ORDER BY 1
            """)
    }
}
