import Foundation
import XCTest

/// What a backup or a restoration killed with -9 leaves behind is removed by the next run, which
/// says so; what a running one holds is left alone.
final class BackupLeftoversTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["demo-data", "--tiers", "5"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    /// The id of a process that has ended.
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A partial backup as a killed `sauvegarde` leaves it: its copy half written and its lock
    /// file, no longer held by anyone.
    private func killedBackup(in folder: String, stamp: String) throws -> String {
        let partial = folder + "/.sauvegarde-\(stamp).partielle"
        try FileManager.default.createDirectory(atPath: partial, withIntermediateDirectories: true)
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: partial + "/sims.sqlite"))
        FileManager.default.createFile(atPath: partial + "/.verrou", contents: nil)
        return partial
    }

    func testABackupRemovesWhatKilledBackupsAndRestorationsLeftButNotARunningOnesFolder() throws {
        let folder = guichet.directory + "/sauvegardes"
        let killed = try killedBackup(in: folder, stamp: "20261201-020000")
        let dead = try deadPID()
        let copy = guichet.directory + "/.restauration-\(dead).sqlite"
        for suffix in ["", "-wal"] { FileManager.default.createFile(atPath: copy + suffix, contents: Data("x".utf8)) }
        // A backup being written by a live process: its lock is held.
        let running = try killedBackup(in: folder, stamp: "20261201-030000")
        let fd = open(running + "/.verrou", O_RDWR)
        XCTAssertEqual(flock(fd, LOCK_EX | LOCK_NB), 0)
        defer { close(fd) }

        let result = try guichet.run(["sauvegarde", "--vers", folder])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Sauvegarde interrompue supprimée : \(killed)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Copie d'une restauration interrompue supprimée : \(copy)"), result.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed))
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy))
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy + "-wal"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: running), "a running backup's folder is left alone")
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("sauvegarde-") }
        XCTAssertEqual(kept.count, 1, "\(kept)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/" + kept[0] + "/.verrou"), "the lock does not stay in the backup")
    }

    func testARestorationRemovesTheCopyAKilledRestorationLeftBesideTheStore() throws {
        let folder = guichet.directory + "/sauvegardes"
        XCTAssertEqual(try guichet.run(["sauvegarde", "--vers", folder]).status, 0)
        let backup = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("sauvegarde-") })
        let dead = try deadPID()
        let copy = guichet.directory + "/.restauration-\(dead).sqlite"
        for suffix in ["", "-wal", "-shm"] { FileManager.default.createFile(atPath: copy + suffix, contents: Data("x".utf8)) }
        let killed = try killedBackup(in: folder, stamp: "20261201-020000")

        let result = try guichet.run(["restaurer", folder + "/" + backup])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Copie d'une restauration interrompue supprimée : \(copy)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Sauvegarde interrompue supprimée : \(killed)"), result.stdout)
        for suffix in ["", "-wal", "-shm"] { XCTAssertFalse(FileManager.default.fileExists(atPath: copy + suffix), suffix) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: killed))
    }
}
