import Foundation
import GRDB
import XCTest
@testable import SIMSModel

final class ChainVerifierTests: XCTestCase {
    private func storeWithEvents() throws -> TestStore {
        let t = try TestStore()
        let tiers = TierService(store: t.store)
        let a = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        _ = try tiers.open(id: a.id, by: t.counter)
        try tiers.update(id: a.id, expectedVersion: 1, changes: [.phone: "251234"], by: t.counter)
        return t // events: 1 init, 2 agent, 3 create, 4 consult, 5 update
    }

    func testAWholeChainIsSound() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        let report = try ChainVerifier.verify(t.store)
        XCTAssertTrue(report.isSound, report.firstBreak ?? "")
        XCTAssertEqual(report.events, 5)
    }

    func testEventsAreChainedByHash() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        let events = try t.store.sqlitePool.read { db in try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event ORDER BY id") }
        XCTAssertEqual(events.first?.prevHash, EventLog.genesisHash)
        for (previous, next) in zip(events, events.dropFirst()) {
            XCTAssertEqual(next.prevHash, previous.hash)
        }
    }

    /// Alters a row the way someone with the sqlite3 shell would, behind the application's back.
    private func tamper(_ t: TestStore, _ sql: String) throws {
        if let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3"].first(where: FileManager.default.isExecutableFile) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sqlite3)
            process.arguments = [t.path, sql]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
        } else {
            let queue = try DatabaseQueue(path: t.path)
            try queue.write { db in try db.execute(sql: sql) }
        }
    }

    func testAnAlteredRowIsNamed() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        try tamper(t, "UPDATE event SET payload = replace(payload, '251234', '999999') WHERE id = 5")
        let report = try ChainVerifier.verify(t.store)
        XCTAssertFalse(report.isSound)
        XCTAssertEqual(report.firstBreak?.hasPrefix("Événement n° 5 (modification de fiche"), true, report.firstBreak ?? "")
        XCTAssertEqual(report.firstBreak?.contains("modifié hors de l'application"), true)
    }

    func testAnAlteredAgentOfAnEventIsNamed() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        try tamper(t, "UPDATE event SET agent_id = 1 WHERE id = 4")
        XCTAssertEqual(try ChainVerifier.verify(t.store).firstBreak?.hasPrefix("Événement n° 4 (consultation de fiche"), true)
    }

    func testADeletedRowIsNamed() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        try tamper(t, "DELETE FROM event WHERE id = 3")
        XCTAssertEqual(try ChainVerifier.verify(t.store).firstBreak?.hasPrefix("Événement n° 3 manquant"), true)
    }

    func testDeletingTheNewestEventsIsNoticed() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        try tamper(t, "DELETE FROM event WHERE id >= 4")
        XCTAssertEqual(try ChainVerifier.verify(t.store).firstBreak?.hasPrefix("Événement n° 5 manquant"), true)
    }

    func testARewrittenChainWithRecomputedHashesStillBreaksAtTheNextEvent() throws {
        let t = try storeWithEvents()
        defer { t.remove() }
        try tamper(t, "UPDATE event SET hash = '" + String(repeating: "a", count: 64) + "' WHERE id = 2")
        let report = try ChainVerifier.verify(t.store)
        XCTAssertEqual(report.firstBreak?.hasPrefix("Événement n° 2"), true, report.firstBreak ?? "")
    }
}
