import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Backups taken while agents work, checked, and put back.
final class StoreBackupTests: XCTestCase {
    private var test: TestStore!

    override func setUpWithError() throws { test = try TestStore() }
    override func tearDown() { test.remove() }

    /// Dossier numbers committed by a writer on another thread, shared with the test.
    private final class Committed: @unchecked Sendable {
        private let lock = NSLock()
        private var numbers: [String] = []
        private var stopped = false
        private(set) var failure: String?
        func append(_ number: String) { lock.withLock { numbers.append(number) } }
        func fail(_ error: Error) { lock.withLock { failure = "\(error)"; stopped = true } }
        var all: [String] { lock.withLock { numbers } }
        func stop() { lock.withLock { stopped = true } }
        var isStopped: Bool { lock.withLock { stopped } }
    }

    private static func submit(_ store: SIMSStore, by counter: Agent) throws -> String {
        let tiers = TierService(store: store)
        let parent = try tiers.create(kind: .person, values: [.givenNames: "Hélène", .birthName: "Wamytan",
                                                                .birthDate: "14/03/1985", .address: "12 rue de Sébastopol", .commune: "Nouméa",
                                                                .postalCode: "98800", .phone: "25 12 34"], by: counter)
        let child = try tiers.create(kind: .person, values: [.givenNames: "Léa", .birthName: "Wamytan",
                                                               .birthDate: "02/05/2016", .sex: "F"], by: counter)
        var intake = try DossierService(store: store).start(TestProcedures.schoolGrant, applicantID: parent.id,
                                                            beneficiaryID: child.id, by: counter)
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
        return try DossierService(store: store).submit(intake.dossier, procedure: TestProcedures.schoolGrant, by: counter)
            .dossier.number ?? "?"
    }

    func testABackupTakenDuringWritesRestoresToACheckedStoreWithEveryCommittedDossier() throws {
        let scan = URL(fileURLWithPath: test.directory + "/scan.pdf")
        try Data("%PDF-1.4 justificatif de domicile".utf8).write(to: scan)
        let owner = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        try DocumentService(store: test.store).attach(fileAt: scan, type: .proofOfAddress, owners: [owner.id], by: test.counter)

        // A second connection to the store writes dossiers all along, as agents at the counter would.
        let committed = Committed()
        let path = test.path, counter = test.counter
        let writer = Thread {
            do {
                let store = try SIMSStore.open(path: path)
                while !committed.isStopped { committed.append(try Self.submit(store, by: counter)) }
            } catch {
                committed.fail(error)
            }
        }
        writer.start()
        while committed.all.count < 5, !committed.isStopped { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(committed.failure)
        let before = committed.all
        var phases: Set<String> = []
        let report = try StoreBackup.take(test.store, into: test.directory + "/sauvegardes", keep: 3) { phase, _, _ in
            phases.insert(phase)
        }
        let during = committed.all.count
        committed.stop()
        while !writer.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertNil(committed.failure)
        XCTAssertEqual(phases, ["base", "pièces"])
        XCTAssertEqual(report.documents, 1)
        XCTAssertGreaterThan(committed.all.count, before.count, "the writer went on during the backup")
        _ = during

        let manifest = try String(contentsOfFile: report.folder + "/MANIFEST.sha256", encoding: .utf8)
        XCTAssertTrue(manifest.contains("  sims.sqlite\n") && manifest.contains("  documents/"), manifest)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: report.folder)[.posixPermissions] as? Int, 0o700)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: report.folder + "/sims.sqlite")[.posixPermissions] as? Int, 0o600)

        // Restored on another host: the register's key goes with it (kept offline by root).
        let restoredPath = test.directory + "/ailleurs/sims.sqlite"
        try FileManager.default.createDirectory(atPath: test.directory + "/ailleurs", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BackupSealKey.path(storePath: test.path), toPath: BackupSealKey.path(storePath: restoredPath))
        let restored = try StoreBackup.restore(from: report.folder, to: restoredPath)
        XCTAssertNil(restored.previous)
        XCTAssertGreaterThan(try StoreBackup.check(storeAt: restoredPath), 0)
        let store = try SIMSStore.open(path: restoredPath)
        let numbers = Set(try store.sqlitePool.read { db in try String.fetchAll(db, sql: "SELECT number FROM dossier WHERE number IS NOT NULL") })
        XCTAssertTrue(Set(before).isSubset(of: numbers), "every dossier committed before the backup began is in it")
        XCTAssertTrue(try DocumentFileVerifier.verify(store).isSound)
        XCTAssertTrue(try ChainVerifier.verify(store).isSound)
    }

    func testAnAlteredBackupIsRefusedAndOnlyTheLastOnesAreKept() throws {
        let folder = test.directory + "/sauvegardes"
        var taken: [String] = []
        for second in 0..<3 {
            taken.append(try StoreBackup.take(test.store, into: folder, keep: 2, now: TestStore.now.addingTimeInterval(Double(second))).folder)
        }
        XCTAssertEqual(StoreBackup.backups(in: folder), Array(taken.suffix(2)))
        let database = taken[2] + "/sims.sqlite"
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: database))
        try handle.seek(toOffset: 5000)
        try handle.write(contentsOf: Data([0x42]))
        try handle.close()
        XCTAssertThrowsError(try StoreBackup.restore(from: taken[2], to: test.directory + "/autre.sqlite")) {
            XCTAssertTrue("\($0)".contains("le fichier sims.sqlite a été altéré (empreinte SHA-256 différente)"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: test.directory + "/autre.sqlite"))
    }

    func testRestoringIsRefusedWhileAnotherGuichetWorksOnTheStore() throws {
        let backup = try StoreBackup.take(test.store, into: test.directory + "/sauvegardes", keep: 1)
        // Another process holds a presence file, as a running guichet does.
        let sessions = StoreSessions.folder(storePath: test.path)
        try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
        let presence = sessions + "/424242"
        try Data("mgorodey\tapplication\t2026-12-03T01:00:00.000Z\n".utf8).write(to: URL(fileURLWithPath: presence))
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["-x", presence, "sleep", "2"]
        try holder.run()
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertThrowsError(try StoreBackup.restore(from: backup.folder, to: test.path)) {
            XCTAssertTrue("\($0)".hasPrefix("Restauration refusée : 1 guichet(s) travaillent sur la base (« application » de mgorodey "
                + "(processus 424242, depuis le 03/12/2026 12:00)). Demandez aux agents de quitter Guichet"), "\($0)")
        }
        holder.waitUntilExit()
        // Its process gone, the presence file no longer counts (and is removed).
        try test.store.close()
        let restored = try StoreBackup.restore(from: backup.folder, to: test.path)
        XCTAssertNotNil(restored.previous)
        XCTAssertFalse(FileManager.default.fileExists(atPath: presence))
    }

    func testRestoringIsRefusedWhileAGuichetIsOpeningTheStoreBeforeItAnnouncedItself() throws {
        let backup = try StoreBackup.take(test.store, into: test.directory + "/sauvegardes", keep: 1)
        try test.store.close()
        // A guichet between its gate and its presence file: it holds the gate's shared lock only.
        let gate = StoreSessions.folder(storePath: test.path) + "/porte"
        try FileManager.default.createDirectory(atPath: StoreSessions.folder(storePath: test.path), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: gate, contents: nil)
        let opening = Process()
        opening.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        opening.arguments = ["-s", gate, "sleep", "2"]
        try opening.run()
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertThrowsError(try StoreBackup.restore(from: backup.folder, to: test.path)) {
            XCTAssertEqual("\($0)", "Restauration refusée : 1 guichet(s) travaillent sur la base. Demandez aux agents de quitter "
                + "Guichet, puis relancez ; rien n'a été modifié.")
        }
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: test.directory).contains { $0.contains("avant-restauration") })
        opening.waitUntilExit()
        XCTAssertNotNil(try StoreBackup.restore(from: backup.folder, to: test.path).previous)
    }
}
