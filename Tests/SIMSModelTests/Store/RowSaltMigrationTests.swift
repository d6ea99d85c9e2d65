import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// A store written before v19 gets a salt in every attested row and one re-attestation event:
/// `check` still finds every row equal to what the chain attests, the chain goes on, a change made
/// before the upgrade is still caught, and a second « re-attestation » appended later is refused.
final class RowSaltMigrationTests: XCTestCase {
    private var directory = ""
    override func setUpWithError() throws {
        directory = try TemporaryFolder.make("guichet-salts-")
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    /// A store at v18 holding an agent and a tier, each attested by its event.
    private func formerStore(tamper: Bool = false) throws -> String {
        let path = directory + "/sims.sqlite"
        var configuration = Configuration()
        configuration.prepareDatabase { db in try AttestationFunctions.install(db) }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try StoreMigrations.migrator.migrate(queue, upTo: "v18-tier-erasure")
        let now = Date(timeIntervalSince1970: 1_795_906_800)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO agent (login, full_name, roles, created_at) VALUES ('admin', 'Admin', 'administrateur', '2026-11-01')
                """)
            try EventLog.append(SQLiteSession(db), kind: .agentAdded, agentID: nil, tierID: nil, payload: ["login": "admin"], at: now)
            try EventLog.seal(SQLiteSession(db))
        }
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO tier (kind, version, created_at, updated_at, display_name, phone)
                VALUES ('personne', 1, '2026-11-01', '2026-11-01', 'WAMYTAN Hélène', '25 12 34')
                """)
            try EventLog.append(SQLiteSession(db), kind: .tierCreated, agentID: 1, tierID: 1, payload: [:], at: now)
            try EventLog.seal(SQLiteSession(db))
        }
        if tamper {
            try queue.writeWithoutTransaction { db in
                db.add(function: DatabaseFunction("sims_attest", argumentCount: nil, pure: false) { _ in nil })
                try db.execute(sql: "UPDATE tier SET phone = '25 99 99'")
            }
        }
        try queue.close()
        return path
    }

    func testAnUpgradedStoreIsSaltedReattestedAndSound() throws {
        let store = try SIMSStore.open(path: try formerStore())
        let report = try ChainVerifier.verify(store)
        XCTAssertTrue(report.isSound, "\(report)")
        XCTAssertEqual(report.events, 3, "one re-attestation added to the chain")
        try store.sqlitePool.read { db in
            let last = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT kind, agent_id, payload FROM event ORDER BY id DESC LIMIT 1"))
            XCTAssertEqual(last["kind"] as String, EventKind.registerAttested.rawValue)
            XCTAssertNil(last["agent_id"] as Int64?)
            XCTAssertEqual(EventLog.decodePayload(last["payload"])["migration"], StoreMigrations.rowSaltsMigration)
            for table in ["agent", "tier"] {
                let salts = try Data.fetchAll(db, sql: "SELECT row_salt FROM \(table)")
                XCTAssertEqual(salts.map(\.count), [16], table)
            }
        }
        // Written after the upgrade: a new row gets its own salt and stays attested.
        try store.writeDatabase { db in
            try db.execute(sql: "UPDATE tier SET phone = '25 00 00' WHERE id = 1")
            try EventLog.append(SQLiteSession(db), kind: .tierUpdated, agentID: 1, tierID: 1, payload: [:], at: Date())
        }
        XCTAssertTrue(try ChainVerifier.verify(store).isSound)
    }

    func testAChangeMadeBeforeTheUpgradeIsStillCaught() throws {
        let store = try SIMSStore.open(path: try formerStore(tamper: true))
        let report = try ChainVerifier.verify(store)
        XCTAssertFalse(report.isSound)
        XCTAssertTrue(report.firstBreak?.contains("elle ne retire pas exactement les lignes (fiche)") == true, "\(report)")
    }

    func testASecondReattestationAppendedLaterIsRefused() throws {
        let path = try formerStore()
        let store = try SIMSStore.open(path: path)
        // A copy of the real one, chained after the last event by someone who holds the file.
        let (copy, head) = try store.sqlitePool.read { db in
            (try XCTUnwrap(AuditEvent.fetchOne(SQLiteSession(db), sql: "SELECT * FROM event WHERE kind = 'registre.attestation'")),
             try XCTUnwrap(Row.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head")))
        }
        let id = (head["last_event_id"] as Int64) + 1, prev: String = head["last_hash"]
        let hash = EventLog.chainDigest(id: id, at: copy.at, agentID: nil, kind: copy.kind, dossierID: nil,
                                        content: copy.contentDigest ?? "", prevHash: prev, attestation: copy.attestation)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO event (id, at, kind, payload, prev_hash, hash, attestation, content_digest, content_salt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
                UPDATE chain_head SET last_event_id = ?, last_hash = ?;
                """, arguments: [id, copy.at, copy.kind, copy.payload, prev, hash, copy.attestation, copy.contentDigest,
                                 copy.contentSalt, id, hash])
        }
        try queue.close()
        let report = try ChainVerifier.verify(store)
        XCTAssertTrue(report.firstBreak?.contains("a déjà ré-attesté le registre") == true, "\(report.firstBreak ?? "")")
    }
}
