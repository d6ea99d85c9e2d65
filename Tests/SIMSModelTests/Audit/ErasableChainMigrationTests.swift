import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// A store whose chain hashed event content directly (before v13) is converted without losing
/// the proof of its past: the former hashes stay checked, old anchors still hold, and a change
/// made before the conversion is still caught after it.
final class ErasableChainMigrationTests: XCTestCase {
    private var directory = ""
    override func setUpWithError() throws {
        directory = try TemporaryFolder.make("guichet-chain-")
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    /// A store at v12 with three events in the former form; returns its path and the former head hash.
    private func formerStore(tamper: Bool = false) throws -> (String, String) {
        let path = directory + "/sims.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v12-tier-restriction")
        let head = try queue.write { db -> String in
            let now = Date(timeIntervalSince1970: 1_795_906_800)
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierConsulted, agentID: 1, tierID: 4, payload: ["version": "1"], at: now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierExported, agentID: 1, tierID: 4, payload: ["motif": "droit d'accès"], at: now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierConsulted, agentID: 1, tierID: 5, dossierID: 2, payload: ["dossier": "BS-2026-000002"], at: now)
            if tamper {
                try db.execute(sql: "UPDATE event SET payload = '{\"motif\":\"autre\"}' WHERE id = 2")
            }
            return try String.fetchOne(db, sql: "SELECT last_hash FROM chain_head") ?? ""
        }
        try queue.close()
        return (path, head)
    }

    func testTheConvertedChainChecksAndAnOldAnchorStillHolds() throws {
        let (path, formerHead) = try formerStore()
        let store = try SIMSStore.open(path: path)
        let report = try ChainVerifier.verify(store)
        XCTAssertTrue(report.isSound, "\(report)")
        XCTAssertEqual(report.events, 3)
        XCTAssertNotEqual(report.head?.hash, formerHead, "the chain is hashed again in the new form")
        XCTAssertNil(try ChainAnchor(events: 3, hash: formerHead, at: "2026-11-29T00:00:00Z").verify(store))
        let rows = try store.sqlitePool.read { db in try Row.fetchAll(db, sql: "SELECT content_digest, content_salt, legacy_hash FROM event") }
        XCTAssertTrue(rows.allSatisfy { ($0["content_digest"] as String?) != nil && ($0["legacy_hash"] as String?) != nil })
    }

    func testAChangeMadeBeforeTheConversionIsStillCaught() throws {
        let (path, _) = try formerStore(tamper: true)
        let store = try SIMSStore.open(path: path)
        let report = try ChainVerifier.verify(store)
        XCTAssertEqual(report.firstBreak, "Événement n° 2 (export RGPD de fiche, 29/11/2026 10:00) : son contenu ne correspond plus à l'empreinte qu'il avait avant la conversion de la chaîne.")
    }
}
