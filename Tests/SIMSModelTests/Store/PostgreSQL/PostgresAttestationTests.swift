import Foundation
import SIMSTestSupport
import XCTest
@testable import SIMSModel

/// The row attestation on PostgreSQL: the server's triggers give every written row the digest
/// SQLite gives it, byte for byte; the event sealed through a PostgreSQL session carries them and
/// the engine-neutral verifier finds the tables as attested; a write no event seals is refused at
/// its commit.
final class PostgresAttestationTests: XCTestCase {
    private func installedStore() throws -> PostgresStore {
        let uri = try PostgresTestCluster.forTest().makeDatabase()
        try PostgresSchemaInstaller.install(PostgresStore.open(uri, requireRegister: false))
        return try PostgresStore.open(uri)
    }

    /// The rows of the last event's attestation: « ± table key » → digest.
    private func lastAttestation(_ db: any StoreSession) throws -> [String: String] {
        let text = try String.fetchOne(db, sql: "SELECT attestation FROM event ORDER BY id DESC LIMIT 1") ?? ""
        let attestation = try XCTUnwrap(RowAttestation(text: text), text)
        return Dictionary(uniqueKeysWithValues: attestation.entries.map { ("\($0.added ? "+" : "-") \($0.table) \($0.key)", $0.leaf.hex) })
    }

    func testEveryAttestedTableGivesTheSameDigestOnSQLiteAndOnPostgreSQL() throws {
        let postgres = try installedStore()
        let rows = try postgres.read { db in try AttestedRowFixture.rows(db) }
        try postgres.fixtureWrite { db in try AttestedRowFixture.insert(rows, db) }
        let onPostgres = try postgres.read { db in try lastAttestation(db) }

        let sqlite = try TestStore()
        defer { sqlite.remove() }
        try sqlite.store.write { db in
            try AttestedRowFixture.insert(rows, db)
            try EventLog.append(db, kind: .demoDataLoaded, agentID: nil, tierID: nil, payload: [:], at: TestStore.now)
        }
        let onSQLite = try sqlite.store.read { db in try lastAttestation(db) }

        XCTAssertEqual(onPostgres.count, AttestedTable.all.count + 1, "one row per attested table, two tiers: \(onPostgres.keys.sorted())")
        XCTAssertEqual(Set(onPostgres.keys.map { $0.split(separator: " ")[1] }), Set(AttestedTable.all.map { Substring($0.name) }))
        XCTAssertTrue(onPostgres.keys.contains("+ dossier_piece 7/«_piece_key_»_é__x"), "a text key as SQLite names it: \(onPostgres.keys.sorted())")
        for key in Set(onSQLite.keys).union(onPostgres.keys).sorted() {
            XCTAssertEqual(onPostgres[key], onSQLite[key], key)
        }
        // The check reads each row back with the same digest and the same name.
        let scanned = try postgres.read { db -> [String: String] in
            var scanned: [String: String] = [:]
            for table in AttestedTable.all {
                try AttestedRowScanner.scan(db, table: table) { key, _, leaf in scanned["+ \(table.name) \(key())"] = leaf.hex }
            }
            return scanned
        }
        XCTAssertEqual(scanned, onPostgres)
    }

    func testABulkWriteIsSummedPerGroupOfIdsAsOnSQLite() throws {
        let count = AttestationAccumulator.namedRowLimit + 100
        let insert = """
            WITH RECURSIVE n(i) AS (SELECT 1000 UNION ALL SELECT i + 1 FROM n WHERE i < \(999 + count))
            INSERT INTO agent (id, login, full_name, roles, created_at, row_salt)
            SELECT i, 'agent' || i, 'Agent n° ' || i, 'accueil', '2026-12-08T00:00:00Z', ? FROM n
            """
        let salt = Data((0..<16).map { UInt8($0) })
        func buckets(_ db: any StoreSession) throws -> [RowAttestation.BucketKey: RowAttestation.BucketSums] {
            let text = try String.fetchOne(db, sql: "SELECT attestation FROM event ORDER BY id DESC LIMIT 1") ?? ""
            let attestation = try XCTUnwrap(RowAttestation(text: text))
            XCTAssertEqual(attestation.entries.count, 0, "past \(AttestationAccumulator.namedRowLimit) rows, only sums")
            return attestation.buckets
        }
        let postgres = try installedStore()
        try postgres.fixtureWrite { db in try db.execute(sql: insert, arguments: [salt]) }
        let onPostgres = try postgres.read(buckets)

        let sqlite = try TestStore()
        defer { sqlite.remove() }
        try sqlite.store.write { db in
            try db.execute(sql: insert, arguments: [salt])
            try EventLog.append(db, kind: .demoDataLoaded, agentID: nil, tierID: nil, payload: [:], at: TestStore.now)
        }
        XCTAssertEqual(onPostgres.keys.map(\.bucket).sorted(), [0, 1, 2, 3], "ids 1000 to \(999 + count) by groups of 1024")
        XCTAssertEqual(onPostgres.values.map(\.added.count).reduce(0, +), Int64(count))
        XCTAssertEqual(onPostgres, try sqlite.store.read(buckets))
    }

    func testAWriteThatNoEventSealsIsRefusedAtItsCommit() throws {
        let store = try installedStore()
        let unattested = "écriture non attestée : des lignes de agent ont été écrites sans événement"
        // Left in the server's pending table: its deferred guard refuses the commit.
        XCTAssertThrowsError(try store.write { db in try Self.insertAgent(db, login: "a1") }) { error in
            XCTAssertTrue("\(error)".contains(unattested), "\(error)")
        }
        // Already taken by the session (a service asked whether any were left), never sealed.
        XCTAssertThrowsError(try store.write { db in
            try Self.insertAgent(db, login: "a2")
            XCTAssertTrue(EventLog.hasUnsealedRows(db))
        }) { error in
            XCTAssertEqual("\(error)", unattested)
        }
        // Sealed with no event to carry them.
        XCTAssertThrowsError(try store.write { db in
            try Self.insertAgent(db, login: "a3")
            try EventLog.seal(db)
        }) { error in
            XCTAssertEqual("\(error)", "écriture non attestée : aucun événement dans cette transaction")
        }
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM agent") }, 0, "nothing of them kept")
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attest_pending") }, 0)

        try store.fixtureWrite { db in try Self.insertAgent(db, login: "a4") }
        // Rows that no table ends with, or tables that are not attested, need no event.
        try store.write { db in
            try Self.insertAgent(db, login: "a5")
            try db.execute(sql: "DELETE FROM agent WHERE login = 'a5'")
            try db.execute(sql: "INSERT INTO dossier_number (prefix, year, last) VALUES ('AIDE', 2026, 1)")
        }
        // A read has nothing to seal, and asking does not spoil it.
        XCTAssertEqual(try store.read { db -> [String] in
            XCTAssertFalse(EventLog.hasUnsealedRows(db))
            return try String.fetchAll(db, sql: "SELECT login FROM agent")
        }, ["a4"])
    }

    func testAnUpdateAndADeleteAreAttestedWithTheRowsFormerDigest() throws {
        let store = try installedStore()
        try store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO tier (id, kind, version, created_at, updated_at, display_name, row_salt)
                VALUES (7, 'personne', 1, '2026-12-08T00:00:00Z', '2026-12-08T00:00:00Z', 'WAMYTAN Hélène', ?)
                """, arguments: [Data(repeating: 1, count: 16)])
        }
        let inserted = try XCTUnwrap(try store.read { db in try lastAttestation(db) }["+ tier 7"])

        try store.fixtureWrite { db in try db.execute(sql: "UPDATE tier SET phone = '25 12 34', version = 2 WHERE id = 7") }
        let updated = try store.read { db in try lastAttestation(db) }
        XCTAssertEqual(Set(updated.keys), ["- tier 7", "+ tier 7"])
        XCTAssertEqual(updated["- tier 7"], inserted, "the update takes out what the insert attested")
        XCTAssertNotEqual(updated["+ tier 7"], inserted)

        // An update that leaves every attested value as it was changes nothing to attest.
        try store.write { db in try db.execute(sql: "UPDATE tier SET phone = phone, display_name = display_name WHERE id = 7") }

        try store.fixtureWrite { db in try db.execute(sql: "DELETE FROM tier WHERE id = 7") }
        XCTAssertEqual(try store.read { db in try lastAttestation(db) }, ["- tier 7": updated["+ tier 7"]!])
    }

    func testRowsSealedThroughPostgreSQLAreWhatTheVerifierFindsAndAChangeBehindItsBackIsNamed() throws {
        let store = try installedStore()
        let rows = try store.read { db in try AttestedRowFixture.rows(db) }
        try store.fixtureWrite { db in try AttestedRowFixture.insert(rows, db) }
        try store.fixtureWrite { db in try db.execute(sql: "UPDATE dossier SET state = 'depose', submitted_at = ? WHERE id = 7",
                                                      arguments: ["2026-12-08T00:00:00Z"]) }
        try store.fixtureWrite { db in try db.execute(sql: "DELETE FROM dossier_note WHERE id = 7") }
        try store.fixtureWrite { db in try RowSalt.renew(db, table: "tier", where: "id = ?", arguments: [8]) }
        let renewed = try store.read { db in try lastAttestation(db) }
        XCTAssertEqual(Set(renewed.keys), ["- tier 8", "+ tier 8"], "a new salt is a new digest, attested")

        XCTAssertEqual(try store.read { db in try Self.verify(db) }.problems, [])
        XCTAssertEqual(try store.read { db in try Self.verify(db) }.rows, AttestedTable.all.count)

        // A superuser's session with the triggers off (replication role) writes behind the chain's back.
        try store.write { db in
            try db.execute(sql: "SET LOCAL session_replication_role = replica")
            try db.execute(sql: "UPDATE tier SET phone = '99 99 99' WHERE id = 7")
        }
        XCTAssertEqual(try store.read { db in try Self.verify(db) }.problems,
                       ["Fiche n° 7 : son contenu n'est pas celui qu'atteste l'événement n° 1 (modifiée hors de l'application)."])
    }

    func testTheServicesWritesThroughSIMSStoreOnPostgreSQLAreSealedAndVerify() throws {
        let cluster = try PostgresTestCluster.forTest()
        let database = try cluster.makeDatabase().database!
        let folder = try TemporaryFolder.make("guichet-pgattest-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SIMSStore.open(path: "postgresql:///\(database)?host=\(cluster.folder)&user=\(PostgresTestCluster.superuser)",
                                       create: true, clock: .fixed(TestStore.now), environment: ["GUICHET_DONNEES": folder])
        let agents = AgentService(store: store)
        let admin = try agents.initialise(login: "admin", fullName: "Administratrice")
        try agents.add(login: "accueil1", fullName: "Marie Gorodey", roles: [.reception], services: ["DPASS"], by: admin)
        let (attestation, verified) = try store.read { db in (try lastAttestation(db), try Self.verify(db)) }
        XCTAssertEqual(Array(attestation.keys), ["+ agent 2"], "the second agent's row sealed into its event")
        XCTAssertEqual(verified.problems, [])
        XCTAssertEqual(verified.rows, 2)
    }

    /// ``RowAttestationVerifier`` on `db`, with the sums its events attest.
    private static func verify(_ db: any StoreSession) throws -> (problems: [String], rows: Int) {
        var expected: [String: RowSum] = [:]
        for text in try String.fetchAll(db, sql: "SELECT attestation FROM event WHERE attestation IS NOT NULL ORDER BY id") {
            for (table, sum) in RowAttestation(text: text)?.netByTable ?? [:] { expected[table, default: RowSum()].add(sum) }
        }
        return try RowAttestationVerifier.verify(db, expected: expected)
    }

    private static func insertAgent(_ db: any StoreSession, login: String) throws {
        try db.execute(sql: "INSERT INTO agent (login, full_name, roles, created_at) VALUES (?, 'A', 'accueil', '2026-12-08T00:00:00Z')",
                       arguments: [login])
    }
}
