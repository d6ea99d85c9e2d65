import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// A store written before ids were never reused: the repair migration finds what an abandoned
/// brouillon left behind in the dossier that took its id, reports it and detaches it, attaching
/// nothing to any other record; the store then checks sound, every row attested.
final class StoreRepairTests: XCTestCase {
    private var directory = ""
    override func setUpWithError() throws {
        directory = try TemporaryFolder.make("guichet-repair-")
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: directory) }

    /// The old schema (up to v6) with what the leak left: dossier 1 was A's brouillon, abandoned
    /// (row deleted, its document link and events left); B's dossier then got id 1.
    private func oldStoreWithALeak() throws -> String {
        let path = directory + "/sims.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v6-review-queues")
        try queue.write { db in
            let at = "2026-11-02T09:00:00.000Z", later = "2026-11-02T10:00:00.000Z"
            try db.execute(sql: """
                INSERT INTO agent (id, login, full_name, roles, created_at) VALUES (1, 'admin', 'Admin', 'administrateur,accueil', '\(at)');
                INSERT INTO tier (id, kind, version, created_at, updated_at, display_name) VALUES
                    (1, 'personne', 1, '\(at)', '\(at)', 'WAMYTAN Hélène'), (2, 'personne', 1, '\(at)', '\(at)', 'KAUDRE Jean');
                INSERT INTO fact_record (tier_id, seq, field_values, source, level, agent_id, recorded_at, event_id) VALUES
                    (1, 1, '{}', 'guichet', 0, 1, '\(at)', 1), (2, 1, '{}', 'guichet', 0, 1, '\(at)', 1),
                    (7, 1, '{}', 'guichet', 0, 1, '\(at)', 1);
                INSERT INTO document (id, type, created_at, agent_id, event_id) VALUES (1, 'justificatif_domicile', '\(at)', 1, 2);
                INSERT INTO document_owner (tier_id, document_id) VALUES (1, 1);
                INSERT INTO dossier_document (dossier_id, document_id, piece_key, added_at) VALUES (1, 1, 'domicile', '\(at)');
                INSERT INTO dossier (id, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                                     created_by, created_at, updated_at) VALUES (1, 'BS', 'Bourse', 2, 1, 'brouillon', '{}', 1, '\(later)', '\(later)');
                INSERT INTO dossier_piece (dossier_id, piece_key, status) VALUES (9, 'domicile', 'fournie');
                """)
            let now = Date(timeIntervalSince1970: 1_795_906_800)
            try LegacyEventLog.append(SQLiteSession(db), kind: .dossierStarted, agentID: 1, tierID: 1, dossierID: 1, payload: [:], at: now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .documentRegistered, agentID: 1, tierID: 1, dossierID: 1, payload: [:], at: now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .dossierAbandoned, agentID: 1, tierID: 1, dossierID: 1, payload: [:], at: now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .dossierStarted, agentID: 1, tierID: 2, dossierID: 1, payload: [:], at: now)
        }
        try queue.close()
        return path
    }

    func testOrphansAreReportedAndDetachedNeverReattached() throws {
        let store = try SIMSStore.open(path: try oldStoreWithALeak())
        let detached = try store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT table_name, reason FROM detached_row ORDER BY id").map {
                "\($0["table_name"] as String): \($0["reason"] as String)"
            }
        }
        XCTAssertEqual(detached.count, 3, "\(detached)")
        XCTAssertTrue(detached.contains { $0.hasPrefix("fact_record: fiche absente (tier.id = 7)") }, "\(detached)")
        XCTAssertTrue(detached.contains { $0.hasPrefix("dossier_piece: dossier absent (dossier.id = 9)") }, "\(detached)")
        XCTAssertTrue(detached.contains { $0.hasPrefix("dossier_document: jointe à un brouillon supprimé") }, "\(detached)")
        XCTAssertTrue(try DocumentService(store: store).documents(ofDossier: 1).isEmpty, "B's dossier no longer lists A's piece")
        XCTAssertEqual(try DocumentService(store: store).documents(ownedBy: 1).map(\.id), [1], "the piece stays A's")
        let history = try DossierReviewReader(store: store).review(dossierID: 1).history.map(\.label)
        XCTAssertEqual(history, ["ouverture d'un dossier en brouillon"], "A's abandonment left B's history")
        let report = try ChainVerifier.verify(store)
        XCTAssertTrue(report.isSound, "\(report.firstBreak ?? "") \(report.rowProblems) \(report.schemaProblems)")
        XCTAssertEqual(report.detachedRows, 3)
        let repairEvent = try store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM event WHERE kind = 'registre.attestation'")
        }
        XCTAssertEqual(repairEvent?.contains("détachées"), true, repairEvent ?? "no attestation event")
    }

    func testIdsAreNeverHandedOutTwiceAfterTheMigration() throws {
        let store = try SIMSStore.open(path: try oldStoreWithALeak())
        let next = try store.sqlitePool.read { db in try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'dossier'") }
        XCTAssertEqual(next, 1, "AUTOINCREMENT remembers the highest id")
        let schema = try store.sqlitePool.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'dossier_piece'") }
        XCTAssertEqual(schema?.contains("REFERENCES dossier(id) ON DELETE CASCADE"), true)
    }
}
