import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The chain's head leaves the store by itself (backup, purge, an hour of work), and `check`
/// catches against those anchors what the chain alone cannot: the newest events dropped, the
/// whole file rolled back, a history rewritten to match an old anchor.
final class ExternalAnchorTests: XCTestCase {
    private var time: SettableClock!
    private var test: TestStore!

    override func setUpWithError() throws {
        time = SettableClock()
        test = try TestStore(clock: time.clock)
    }

    override func tearDown() { test.remove() }

    private var log: AnchorLog { AnchorLog(storePath: test.path) }

    private func reasons() throws -> [ChainAnchor.Reason?] { try log.anchors().map(\.reason) }

    private func head() throws -> (Int64, String) {
        try test.store.sqlitePool.read { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head"))
            return (row["last_event_id"], row["last_hash"])
        }
    }

    private func verifiedAgainstTheAnchorsFile() throws -> ChainReport {
        try ChainVerifier.verify(test.store, anchors: try log.binding())
    }

    func testTheFirstWriteOfAStoreAnchorsItAndThenAtMostHourly() throws {
        // The store's first commit (its initialisation) wrote the first anchor, file created 0600.
        XCTAssertEqual(try reasons(), [.hourly])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int, 0o600)
        time.advance(30 * 60)
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        XCTAssertEqual(try reasons(), [.hourly], "half an hour later: no new anchor")
        time.advance(31 * 60)
        try test.person("Léa", "Wamytan", born: "02/05/2016")
        XCTAssertEqual(try reasons(), [.hourly, .hourly], "more than an hour after the last one")
        let newest = try XCTUnwrap(try log.anchors().last)
        let (id, hash) = try head()
        XCTAssertEqual(newest.events, id)
        XCTAssertEqual(newest.hash, hash)
        XCTAssertEqual(newest.at, Timestamp.string(from: TestStore.now.addingTimeInterval(61 * 60)))
        XCTAssertEqual(newest.registerID, try test.store.read { db in try RegisterIdentity.id(db) })
    }

    func testABackupAndAPurgeEachAnchorTheChain() throws {
        let backup = try StoreBackup.take(test.store, into: test.directory + "/sauvegardes", keep: 2, now: time.clock.now())
        XCTAssertEqual(try log.anchors().last, backup.anchor)
        XCTAssertEqual(backup.anchor.reason, .backup)
        let sealed = try XCTUnwrap(try BackupSeal.read(folder: backup.folder))
        XCTAssertEqual(sealed.anchor, backup.anchor, "the backup's seal carries the same anchor")

        let purge = RetentionPurge(store: test.store, retention: ["BS": 10])
        var report = RetentionPurgeReport()
        try purge.purge(try purge.expired(report: &report), by: test.admin, into: &report)
        XCTAssertEqual(try reasons().last, .purge)
        XCTAssertTrue(try verifiedAgainstTheAnchorsFile().isSound)
    }

    func testTheNewestEventsDroppedWithTheChainHeadMovedBackAreCaught() throws {
        let person = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        _ = try TierService(store: test.store).open(id: person.id, by: test.counter)
        _ = try StoreBackup.take(test.store, into: test.directory + "/sauvegardes", keep: 1, now: time.clock.now())
        let (last, _) = try head()   // the consultation, which wrote no row
        try test.store.sqlitePool.writeWithoutTransaction { db in
            try db.execute(sql: "DELETE FROM event WHERE id = ?", arguments: [last])
            try db.execute(sql: "UPDATE chain_head SET last_event_id = ?, last_hash = (SELECT hash FROM event WHERE id = ?)",
                           arguments: [last - 1, last - 1])
        }
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound, "the chain alone cannot see it")
        let report = try verifiedAgainstTheAnchorsFile()
        XCTAssertFalse(report.isSound)
        XCTAssertEqual(report.anchorProblem, "L'ancre du 29/11/2026 à 10:00 désigne l'événement n° \(last), qui n'existe plus "
            + "(la chaîne s'arrête à n° \(last - 1)) : les derniers événements ont été supprimés, ou la base a été remplacée "
            + "par une copie plus ancienne.")
    }

    func testTheWholeFileRolledBackToAnOlderCopyIsCaught() throws {
        try test.store.close()
        let older = test.directory + "/copie.sqlite"
        try FileManager.default.copyItem(atPath: test.path, toPath: older)
        let store = try SIMSStore.open(path: test.path, clock: time.clock)
        time.advance(2 * 3600)
        try TierService(store: store).create(kind: .person, values: [.givenNames: "Hélène", .birthName: "Wamytan",
                                                                     .birthDate: "14/03/1985"], by: test.counter)
        XCTAssertEqual(try reasons(), [.hourly, .hourly])
        let anchored = try XCTUnwrap(try log.anchors().last).events
        try store.close()
        _ = rename(older, test.path)
        let rolledBack = try SIMSStore.open(path: test.path, clock: time.clock)
        XCTAssertTrue(try ChainVerifier.verify(rolledBack).isSound, "the older copy is a sound store in itself")
        let report = try ChainVerifier.verify(rolledBack, anchors: try log.binding())
        XCTAssertEqual(report.anchorProblem?.hasPrefix("L'ancre du 29/11/2026 à 12:00 désigne l'événement n° \(anchored), qui n'existe plus"),
                       true, report.anchorProblem ?? "sound")
        try rolledBack.close()
    }

    func testARewrittenHistoryDoesNotMatchTheNewestAnchor() throws {
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        time.advance(2 * 3600)
        try test.person("Léa", "Wamytan", born: "02/05/2016")
        // Event 3 (the first person's creation) rewritten, and every hash after it recomputed.
        try test.store.sqlitePool.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE event SET agent_id = 1 WHERE id = 3")
            try ChainRewriter.rechain(db)
        }
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound, "a re-chained history passes without an anchor")
        let anchored = try XCTUnwrap(try log.anchors().last).events
        XCTAssertEqual(try verifiedAgainstTheAnchorsFile().anchorProblem,
                       "L'événement n° \(anchored) n'a plus l'empreinte de l'ancre du 29/11/2026 à 12:00 : le journal a été réécrit jusqu'à lui.")
    }

    /// A store at v12 with three events in the former form (before the chain could be erased);
    /// returns its path and the former head's hash, as an anchor kept by hand then would hold it.
    private func formerStore() throws -> (String, String) {
        let path = test.directory + "/ancienne.sqlite"
        let queue = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(queue, upTo: "v12-tier-restriction")
        let head = try queue.write { db -> String in
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierConsulted, agentID: 1, tierID: 4, payload: ["version": "1"], at: TestStore.now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierExported, agentID: 1, tierID: 4, payload: ["motif": "droit d'accès"], at: TestStore.now)
            try LegacyEventLog.append(SQLiteSession(db), kind: .tierConsulted, agentID: 1, tierID: 5, payload: ["dossier": "BS-2026-000002"], at: TestStore.now)
            return try String.fetchOne(db, sql: "SELECT last_hash FROM chain_head") ?? ""
        }
        try queue.close()
        return (path, head)
    }

    func testAnOldAnchorCannotBeMatchedThroughTheFormerHashOfAnErasedEvent() throws {
        let (path, formerHead) = try formerStore()
        let anchor = ChainAnchor(events: 3, hash: formerHead, at: "2026-11-29T00:00:00Z")
        let store = try SIMSStore.open(path: path, clock: time.clock)
        XCTAssertNil(try anchor.verify(store), "converted, the store still holds its old anchor")
        // Event 3's content erased as retention does, then event 1 rewritten and every hash, former
        // hashes included, recomputed: event 3 keeps the former hash the anchor names.
        try store.write { db in
            let erased = try EventErasure.eraseContent(db, eventIDs: [3])
            let id = try EventLog.append(db, kind: .retentionPurged, agentID: nil, tierID: nil, payload: erased.payload, at: TestStore.now)
            try erased.record(db, erasureEventID: id, at: TestStore.now)
        }
        try store.sqlitePool.writeWithoutTransaction { db in
            try db.execute(sql: #"UPDATE event SET payload = '{"version":"7"}' WHERE id = 1"#)
            try ChainRewriter.rechain(db)
        }
        XCTAssertEqual(try store.sqlitePool.read { db in try String.fetchOne(db, sql: "SELECT legacy_hash FROM event WHERE id = 3") }, formerHead)
        let report = try ChainVerifier.verify(store, anchors: [anchor])
        XCTAssertNil(report.firstBreak, "the re-chained history is whole in itself")
        XCTAssertEqual(report.anchorProblem, "L'ancre du 29/11/2026 à 11:00 désigne l'empreinte qu'avait l'événement n° 3 avant la "
            + "conversion de la chaîne, que l'effacement du contenu de l'événement n° 3 (ou son absence d'ancienne empreinte) ne permet "
            + "plus de prouver : elle ne prouve plus rien ; comparez avec une ancre plus récente.")
        try store.close()
    }

    func testAnAnchorWrittenByGuichetNeverMatchesAFormerHash() throws {
        let (path, formerHead) = try formerStore()
        let store = try SIMSStore.open(path: path, clock: time.clock)
        var anchor = ChainAnchor(events: 3, hash: formerHead, at: "2026-11-29T00:00:00Z")
        XCTAssertNil(try ChainVerifier.verify(store, anchors: [anchor]).anchorProblem)
        anchor.registerID = try store.read { db in try RegisterIdentity.id(db) }
        XCTAssertEqual(try ChainVerifier.verify(store, anchors: [anchor]).anchorProblem?.hasPrefix("L'événement n° 3 n'a plus l'empreinte"), true)
        try store.close()
    }

    func testAnchorsOfAnotherRegisterAreCaught() throws {
        try test.store.sqlitePool.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE register_identity SET register_id = ?", arguments: [String(repeating: "e", count: 32)])
        }
        XCTAssertEqual(try verifiedAgainstTheAnchorsFile().anchorProblem?.hasSuffix(
            "pas de celui de cette base (\(String(repeating: "e", count: 32))) : la base a été remplacée par celle d'un autre registre."), true)
    }
}
