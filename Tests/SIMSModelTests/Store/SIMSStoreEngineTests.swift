import SIMSModel
import SIMSTestSupport
import XCTest

/// ``SIMSStore`` over either engine: a SQLite file or a PostgreSQL URI opens the same store, an
/// empty or foreign PostgreSQL database is refused in French, `create` installs the register's
/// schema, and the companion files of a PostgreSQL register go to its local folder.
final class SIMSStoreEngineTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make("guichet-engine-")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The local folder of the PostgreSQL register, given as `GUICHET_DONNEES`.
    private var environment: [String: String] { ["GUICHET_DONNEES": folder + "/donnees"] }

    /// A new empty database of the tests' cluster, as the URI an administrator types.
    private func emptyDatabase() throws -> String {
        let cluster = try PostgresTestCluster.forTest()
        let uri = try cluster.makeDatabase()
        return "postgresql:///\(uri.database!)?host=\(cluster.folder)&user=\(PostgresTestCluster.superuser)"
    }

    /// The store's summary: persons, organisations, relations, agents, events.
    private func counts(_ store: SIMSStore) throws -> [Int] {
        let summary = try store.summary()
        return [summary.persons, summary.organisations, summary.relations, summary.agents, summary.events]
    }

    func testASQLiteStoreIsOnTheSQLiteEngineAndKeepsItsPool() throws {
        let path = folder + "/sims.sqlite"
        let store = try SIMSStore.open(path: path, create: true)
        XCTAssertEqual(store.engine, .sqlite)
        XCTAssertEqual(store.path, path)
        XCTAssertEqual(store.location, path)
        XCTAssertEqual(try store.sqlitePool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try counts(store), [0, 0, 0, 0, 0])
        try store.close()
    }

    func testAnEmptyPostgresDatabaseIsRefusedInFrenchAndNothingIsCreated() throws {
        let uri = try emptyDatabase()
        XCTAssertThrowsError(try SIMSStore.open(path: uri, environment: environment)) { error in
            guard case PostgresStoreError.registerMissing = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("est vide"), "\(error)")
            XCTAssertTrue("\(error)".contains("« guichet init »"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/donnees"), "no local folder for a refused register")
    }

    func testAnotherApplicationsDatabaseIsRefusedEvenWhenCreating() throws {
        let uri = try emptyDatabase()
        let other = try PostgresStore.open(PostgresURI.parse(uri), requireRegister: false)
        try other.write { db in try db.execute(sql: "CREATE TABLE facture (id bigint PRIMARY KEY)") }
        other.close()
        for create in [false, true] {
            XCTAssertThrowsError(try SIMSStore.open(path: uri, create: create, environment: environment)) { error in
                XCTAssertTrue("\(error)".contains("facture"), "\(error)")
                XCTAssertTrue("\(error)".contains("Rien n'a été modifié"), "\(error)")
            }
        }
        let tables = try PostgresStore.open(PostgresURI.parse(uri), requireRegister: false).read { db in
            try String.fetchAll(db, sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
        XCTAssertEqual(tables, ["facture"], "nothing installed beside another application's tables")
    }

    func testCreatingInstallsTheRegisterWhichThenOpensAsIs() throws {
        let uri = try emptyDatabase()
        let created = try SIMSStore.open(path: uri, create: true, environment: environment)
        XCTAssertEqual(created.engine, .postgresql)
        XCTAssertEqual(try counts(created), [0, 0, 0, 0, 0])
        let identity = try created.read { db in try String.fetchOne(db, sql: "SELECT register_id FROM register_identity") }
        try created.close()

        let reopened = try SIMSStore.open(path: uri + "&password=secret", environment: environment)
        XCTAssertEqual(try reopened.read { db in try String.fetchOne(db, sql: "SELECT register_id FROM register_identity") },
                       identity, "opened as it is, not installed again")
        XCTAssertEqual(try SIMSStore.open(path: uri, create: true, environment: environment)
            .read { db in try String.fetchOne(db, sql: "SELECT register_id FROM register_identity") }, identity)
        XCTAssertEqual(try reopened.lastEventID(), 0)
        XCTAssertFalse(reopened.location.contains("secret"), reopened.location)
        let database = try XCTUnwrap(PostgresURI.parse(uri).database)
        XCTAssertEqual(reopened.path, folder + "/donnees/" + database, "companion files named after the database")
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/donnees")[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
        XCTAssertThrowsError(try reopened.sqlitePool) { error in
            XCTAssertEqual(error as? StoreError, .missingCapability(engine: "PostgreSQL", capability: "accès direct au fichier SQLite"))
        }
    }

    func testAPostgresRegistersLocalFolderIsConfiguredOrNamedAfterItsDatabase() {
        XCTAssertEqual(StoreLocation.postgresFolder(database: "sims", environment: ["GUICHET_DONNEES": "/srv/guichet/sims"]),
                       "/srv/guichet/sims")
        XCTAssertEqual(StoreLocation.postgresFolder(database: "sims", environment: ["XDG_DATA_HOME": "/home/a/.data"]),
                       "/home/a/.data/guichet/postgresql/sims")
        XCTAssertEqual(StoreLocation.postgresFolder(database: "../x", environment: ["XDG_DATA_HOME": "/d"]),
                       "/d/guichet/postgresql/_.._x")
    }

    func testAWriteOnPostgresIsAttestedByItsEventOrRefusedWhole() throws {
        let store = try SIMSStore.open(path: try emptyDatabase(), create: true, environment: environment)
        do {
            try AgentService(store: store).initialise(login: "admin", fullName: "Administratrice")
            let attestation = try store.read { db in try String.fetchOne(db, sql: "SELECT attestation FROM event ORDER BY id DESC LIMIT 1") }
            XCTAssertNotNil(attestation, "the first agent's row sealed into its event")
        } catch let error as StoreError {
            XCTAssertEqual(error, .missingCapability(engine: "PostgreSQL", capability: "attestation des lignes"))
            XCTAssertTrue("\(error)".contains("rien n'a été modifié"), "\(error)")
        }
        XCTAssertEqual(try counts(store)[3], try counts(store)[4], "an agent for each event: both or neither")
    }
}
