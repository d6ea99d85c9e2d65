import Foundation
import SIMSModel
import SIMSTestSupport
import XCTest

/// What the administrator or the agent is told when the PostgreSQL register cannot be reached or
/// used: a French message saying what to check, and nothing half-written.
final class PostgresConnectionFailureTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make("guichet-pg-absent-")
    }

    override func tearDown() {
        TemporaryFolder.remove(folder)
    }

    private func uri(socketFolder: String, database: String = "sims") -> PostgresURI {
        PostgresURI(endpoints: [.socket(folder: socketFolder, port: 5432)], database: database, user: "guichet", password: nil,
                    parameters: [:])
    }

    func testNoServerWhereTheAddressPoints() throws {
        XCTAssertThrowsError(try PostgresStore.open(uri(socketFolder: folder))) { error in
            XCTAssertEqual(error as? PostgresStoreError,
                           .serverUnreachable(server: "\(folder) (port 5432)", reason: "aucune socket à cet endroit"))
            XCTAssertTrue("\(error)".hasPrefix("Serveur PostgreSQL injoignable à \(folder) (port 5432) (aucune socket à cet endroit) : "
                + "vérifiez que le serveur est démarré"), "\(error)")
        }
    }

    func testAStaleSocketRefusesTheConnection() throws {
        // A socket left behind by a server that stopped without removing it.
        let path = folder + "/.s.PGSQL.5432"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        close(descriptor)
        XCTAssertThrowsError(try PostgresStore.open(uri(socketFolder: folder))) { error in
            XCTAssertEqual(error as? PostgresStoreError, .serverUnreachable(server: "\(folder) (port 5432)", reason: "connexion refusée"))
        }
    }

    func testAMissingDatabase() throws {
        let cluster = try PostgresTestCluster.forTest()
        XCTAssertThrowsError(try PostgresStore.open(cluster.uri(database: "registre_absent"))) { error in
            XCTAssertEqual(error as? PostgresStoreError,
                           .databaseMissing(database: "registre_absent", server: "\(cluster.folder) (port 5432)"))
            XCTAssertTrue("\(error)".contains("n'a pas de base « registre_absent » : vérifiez son nom dans l'adresse"), "\(error)")
        }
    }

    func testAWrongPasswordAndAMissingOne() throws {
        let cluster = try PostgresTestCluster.forTest()
        let database = try cluster.makeDatabase().database!
        let role = "agent_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresStore.open(cluster.uri(database: database), requireRegister: false).write { db in
            try db.execute(sql: "CREATE ROLE \(role) LOGIN PASSWORD 'juste'")
        }
        let server = "\(cluster.folder) (port 5432)"
        XCTAssertThrowsError(try PostgresStore.open(cluster.uri(database: database, user: role, password: "faux"), requireRegister: false)) {
            guard case .authenticationRefused(let user, let shown, _)? = $0 as? PostgresStoreError else {
                return XCTFail("\($0)")
            }
            XCTAssertEqual(user, role)
            XCTAssertEqual(shown, server)
            XCTAssertTrue("\($0)".contains("a refusé la connexion du rôle « \(role) »"), "\($0)")
            XCTAssertTrue("\($0)".contains("vérifiez le mot de passe donné dans l'adresse"), "\($0)")
        }
        XCTAssertThrowsError(try PostgresStore.open(cluster.uri(database: database, user: role), requireRegister: false)) {
            XCTAssertEqual($0 as? PostgresStoreError, .passwordMissing(user: role, server: server))
        }
        let store = try PostgresStore.open(cluster.uri(database: database, user: role, password: "juste"), requireRegister: false)
        XCTAssertEqual(try store.read { db in try String.fetchOne(db, sql: "SELECT current_user") }, role)
    }

    func testAConnectionLostMidTransactionWritesNothing() throws {
        let cluster = try PostgresTestCluster.forTest()
        let uri = try cluster.makeDatabase()
        let store = try PostgresStore.open(uri, requireRegister: false)
        let administrator = try PostgresStore.open(uri, requireRegister: false)
        try store.write { db in try db.execute(sql: "CREATE TABLE item (name text)") }
        XCTAssertThrowsError(try store.write { db in
            try db.execute(sql: "INSERT INTO item (name) VALUES ('à moitié')")
            let backend = try Int.fetchOne(db, sql: "SELECT pg_backend_pid()")!
            // From another connection (a read: a write would queue behind this one).
            try administrator.read { other in _ = try Bool.fetchOne(other, sql: "SELECT pg_terminate_backend(?)", arguments: [backend]) }
            try db.execute(sql: "INSERT INTO item (name) VALUES ('après')")
        }) { error in
            XCTAssertEqual(error as? PostgresStoreError, .connectionLost(server: "\(cluster.folder) (port 5432)", duringCommit: false))
            XCTAssertTrue("\(error)".contains("a été perdue : rien n'a été enregistré de cette opération"), "\(error)")
        }
        // The next operation connects again, and finds nothing of the lost one.
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }, 0)
    }

    func testAServerOlderThanFifteenIsRefused() {
        XCTAssertNil(PostgresStore.versionRefusal(server: "db1:5432", versionNumber: 150_018, version: "15.18"))
        XCTAssertNil(PostgresStore.versionRefusal(server: "db1:5432", versionNumber: 170_002, version: "17.2"))
        let refusal = PostgresStore.versionRefusal(server: "db1:5432", versionNumber: 140_011, version: "14.11 (Debian 14.11-1)")
        XCTAssertEqual(refusal, .serverTooOld(server: "db1:5432", version: "14.11 (Debian 14.11-1)", minimum: 15))
        XCTAssertEqual(refusal?.description, "Le serveur PostgreSQL db1:5432 est en version 14.11 (Debian 14.11-1) : Guichet demande "
            + "PostgreSQL 15 ou plus récent. Mettez le serveur à jour (pg_upgradecluster) ou indiquez-en un autre. Rien n'a été modifié.")
    }
}
