import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// A backup is sealed with this host's key and restores only over the register it copies;
/// root may force another, which the journal records and an anchor fixes.
final class BackupSealTests: XCTestCase {
    private var test: TestStore!
    private var time: SettableClock!

    override func setUpWithError() throws {
        time = SettableClock()
        test = try TestStore(clock: time.clock)
    }

    override func tearDown() { test.remove() }

    private func backup(_ store: SIMSStore, into folder: String) throws -> String {
        try StoreBackup.take(store, into: folder, keep: 3, now: time.clock.now()).folder
    }

    private func refusal(_ folder: String) -> String {
        do {
            _ = try StoreBackup.restore(from: folder, to: test.path, now: time.clock.now())
            return "accepted"
        } catch {
            return "\(error)"
        }
    }

    private func events() throws -> [AuditEvent] {
        let store = try SIMSStore.open(path: test.path)
        defer { try? store.close() }
        return try store.sqlitePool.read { db in try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event ORDER BY id") }
    }

    func testABackupIsSealedWithAKeyKeptBesideTheStoreAndRestoresOverItsOwnRegister() throws {
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        let folder = try backup(test.store, into: test.directory + "/sauvegardes")
        let key = BackupSealKey.path(storePath: test.path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: key)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["MANIFEST.sha256", "SCEAU", "sims.sqlite"],
                       "the key never goes into a backup")
        let seal = try XCTUnwrap(try BackupSeal.read(folder: folder))
        XCTAssertEqual(seal.anchor.registerID, try test.store.read { db in try RegisterIdentity.id(db) })
        let sealed = try String(contentsOfFile: folder + "/SCEAU", encoding: .utf8)
        XCTAssertFalse(sealed.contains(try String(contentsOfFile: key, encoding: .utf8).prefix(64)), "the seal does not give the key away")

        try test.store.close()
        let restored = try StoreBackup.restore(from: folder, to: test.path, now: time.clock.now())
        XCTAssertEqual(restored.forcedOver, [])
        XCTAssertEqual(restored.anchor?.reason, .restore)
        XCTAssertEqual(try AnchorLog(storePath: test.path).anchors().last?.reason, .restore)
    }

    func testABackupOfAnotherRegisterIsRefusedAndForcingItIsRecordedAndAnchored() throws {
        let other = try TestStore(clock: time.clock)
        defer { other.remove() }
        try other.person("Léa", "Wamytan", born: "02/05/2016")
        let foreign = try backup(other.store, into: other.directory + "/sauvegardes")
        _ = try backup(test.store, into: test.directory + "/sauvegardes")
        let before = try events().count
        try test.store.close()

        let refused = refusal(foreign)
        XCTAssertTrue(refused.hasPrefix("Restauration refusée : cette sauvegarde n'est pas une copie de ce registre (son sceau n'est "
            + "pas fait avec la clé de cet hôte (\(test.path).cle-sceau) : elle a été prise ailleurs, ou modifiée ; elle est du registre "),
                      refused)
        XCTAssertTrue(refused.contains("root peut la forcer (ou, pour la base d'un agent seul, le compte qui la possède) : « guichet restaurer --forcer \(foreign) »"), refused)
        XCTAssertEqual(try events().count, before, "nothing was changed")

        let forced = try StoreBackup.restore(from: foreign, to: test.path, now: time.clock.now(), forcedBy: "root")
        XCTAssertEqual(forced.forcedOver.count, 2, "\(forced.forcedOver)")
        let last = try XCTUnwrap(try events().last)
        XCTAssertEqual(last.kind, EventKind.backupRestoreForced.rawValue)
        let payload = EventLog.decodePayload(last.payload)
        XCTAssertEqual(payload["par"], "root")
        XCTAssertEqual(payload["sauvegarde"], (foreign as NSString).lastPathComponent)
        let anchor = try XCTUnwrap(try AnchorLog(storePath: test.path).anchors().last)
        XCTAssertEqual(anchor.reason, .forcedRestore)
        XCTAssertEqual(anchor.events, last.id)
        XCTAssertEqual(anchor.hash, last.hash)
        // The anchors of the replaced history no longer bind; the restored store checks against the new one.
        let store = try SIMSStore.open(path: test.path)
        XCTAssertTrue(try ChainVerifier.verify(store, anchors: try AnchorLog(storePath: test.path).binding()).isSound)
        try store.close()
    }

    func testAnUnsealedBackupIsRefusedUnlessForced() throws {
        let folder = try backup(test.store, into: test.directory + "/sauvegardes")
        try FileManager.default.removeItem(atPath: folder + "/SCEAU")
        try test.store.close()
        XCTAssertTrue(refusal(folder).hasPrefix("Restauration refusée : cette sauvegarde n'est pas une copie de ce registre (elle "
            + "n'est pas scellée : prise par une version de Guichet antérieure au scellement des sauvegardes, ou son sceau SCEAU a été "
            + "retiré)."), refusal(folder))
        XCTAssertEqual(try StoreBackup.restore(from: folder, to: test.path, now: time.clock.now(), forcedBy: "root").forcedOver.count, 1)
    }

    func testASealCopiedOntoAnotherBackupOrAlteredIsRefused() throws {
        let first = try backup(test.store, into: test.directory + "/sauvegardes")
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        time.advance(1)
        let second = try backup(test.store, into: test.directory + "/sauvegardes")
        try FileManager.default.removeItem(atPath: second + "/SCEAU")
        try FileManager.default.copyItem(atPath: first + "/SCEAU", toPath: second + "/SCEAU")
        try test.store.close()
        XCTAssertTrue(refusal(second).contains("son sceau ne couvre pas son MANIFEST.sha256, modifié depuis"), refusal(second))

        let text = try String(contentsOfFile: first + "/SCEAU", encoding: .utf8)
        let forged = text.replacingOccurrences(of: " n=", with: " n=9")
        try forged.write(toFile: first + "/SCEAU", atomically: false, encoding: .utf8)
        XCTAssertTrue(refusal(first).contains("son sceau n'est pas fait avec la clé de cet hôte"), refusal(first))
    }

    func testALostStoreIsRestoredFromItsLatestBackupWithoutForcing() throws {
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        let folder = try backup(test.store, into: test.directory + "/sauvegardes")
        try test.store.close()
        for suffix in ["", "-wal", "-shm"] { unlink(test.path + suffix) }
        // The anchors beside the lost store still say which register belongs here.
        let restored = try StoreBackup.restore(from: folder, to: test.path, now: time.clock.now())
        XCTAssertNil(restored.previous)
        XCTAssertEqual(restored.forcedOver, [])
        let store = try SIMSStore.open(path: test.path)
        XCTAssertTrue(try ChainVerifier.verify(store, anchors: try AnchorLog(storePath: test.path).binding()).isSound)
        try store.close()
    }

    func testAKeyOtherAccountsCanReadIsRefused() throws {
        _ = try backup(test.store, into: test.directory + "/sauvegardes")
        let key = BackupSealKey.path(storePath: test.path)
        chmod(key, 0o644)
        XCTAssertThrowsError(try backup(test.store, into: test.directory + "/sauvegardes")) {
            XCTAssertTrue("\($0)".hasPrefix("La clé de scellement \(key) est lisible par d'autres comptes que son propriétaire : "
                + "« chmod 600 \(key) »"), "\($0)")
        }
    }

    func testABackupOlderThanTheLastAnchorIsRefused() throws {
        let folder = try backup(test.store, into: test.directory + "/sauvegardes")
        time.advance(2 * 3600)
        try test.person("Hélène", "Wamytan", born: "14/03/1985")
        let anchored = try XCTUnwrap(try AnchorLog(storePath: test.path).anchors().last)
        XCTAssertEqual(anchored.reason, .hourly)
        try test.store.close()
        let refused = refusal(folder)
        XCTAssertTrue(refused.hasPrefix("Restauration refusée : cette sauvegarde est plus ancienne que la dernière ancre de ce registre"), refused)
        XCTAssertTrue(refused.contains("elle s'arrête à l'événement n° 2, avant la dernière ancre de ce registre (n° \(anchored.events), "
            + "ancre du 29/11/2026 à 12:00) : la remettre en place effacerait les événements enregistrés depuis"), refused)
    }
}
