import Foundation
import SIMSModel
import XCTest
@testable import GuichetTUI

/// The store on a small file system (a 4 MB tmpfs mounted by the test, as root) filled to the
/// last byte: every command and the screens say « Disque plein » in French with the folder and
/// the space left, keep what was typed, and `check` tells a full disk (exit 3) from a damaged
/// store (exit 2). Space freed, everything works again and nothing was lost.
final class FullDiskTests: XCTestCase {
    private var mountPoint: String!
    private var mounted = false

    override func setUpWithError() throws {
        guard geteuid() == 0 else { throw XCTSkip("monter un petit système de fichiers demande d'être root") }
        mountPoint = "/tmp/plein-" + UUID().uuidString.prefix(8)   // short: the message names it on the screen
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mountPoint]
        mount.standardError = Pipe()
        try? mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: mountPoint)
            throw XCTSkip("impossible de monter un tmpfs ici (conteneur sans CAP_SYS_ADMIN ?)")
        }
        mounted = true
    }

    override func tearDown() {
        guard let mountPoint else { return }
        if mounted {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = ["-l", mountPoint]
            try? umount.run()
            umount.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: mountPoint)
    }

    /// Writes a file until the file system refuses: nothing is left free.
    private func fill(_ path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let block = [UInt8](repeating: 0x55, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, 4096) }) > 0 {}
        var small = [UInt8](repeating: 0x55, count: 1)
        while write(fd, &small, 1) > 0 {}
    }

    func testAFullDiskIsSaidInFrenchWithItsFolderAndNothingTypedIsLost() throws {
        let folder = mountPoint + "/base"
        let h = try ScreenHarness(directory: folder)
        let guichet = try GuichetProcess()
        defer { guichet.remove() }
        let environment = ["GUICHET_DB": h.store.path]
        XCTAssertEqual(try guichet.run(["demo-data", "--tiers", "20"], extraEnvironment: environment).status, 0)
        // A first backup, elsewhere, while there is room (it makes the host's sealing key).
        XCTAssertEqual(try guichet.run(["sauvegarde", "--vers", guichet.directory + "/sauvegardes"], extraEnvironment: environment).status, 0)
        // A store nobody holds open, for `check` on the full disk.
        let idle = mountPoint + "/autre/sims.sqlite"
        XCTAssertEqual(try guichet.run(["init"], extraEnvironment: ["GUICHET_DB": idle]).status, 0)
        var csv = "type,nom_naissance,prenoms,date_naissance\n"
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for index in 0..<300 { csv += "personne,Kasarherou\(letters[index % 26])\(letters[index / 26]),Jean,01/02/1980\n" }
        let csvPath = mountPoint + "/tiers.csv"
        try Data(csv.utf8).write(to: URL(fileURLWithPath: csvPath))
        try h.store.sqlitePool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let persons = try h.store.summary().persons

        // The agent types a new person, then the disk fills up.
        h.press(.character("p"))
        h.type("Wamytan")
        h.press(.tab, .tab)
        h.type("Hélène")
        h.press(.tab, .tab)
        h.type("14/03/1985")
        fill(mountPoint + "/remplissage")

        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("✗ Disque plein (0 octets libres) : rien n'est enregistré ; libérez de la place"), h.screen)
        XCTAssertTrue(h.screen.contains("dans \(folder) puis recommencez."), h.screen)
        XCTAssertEqual(h.session.message?.text.contains(folder), true, h.screen)
        XCTAssertFalse(h.screen.contains("SQLite"), h.screen)
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"), "the form stays open: \(h.screen)")
        XCTAssertTrue(h.screen.contains("Wamytan") && h.screen.contains("Hélène") && h.screen.contains("14/03/1985"), h.screen)

        let imported = try guichet.run(["import", "tiers", csvPath], extraEnvironment: environment)
        XCTAssertEqual(imported.status, 1, imported.stdout + imported.stderr)
        XCTAssertTrue(imported.stderr.contains("Disque plein (0 octets libres) : rien n'est enregistré ; libérez de la place dans \(folder) puis recommencez."), imported.stderr)
        XCTAssertFalse(imported.stderr.contains("database or disk is full"), imported.stderr)

        let backup = try guichet.run(["sauvegarde", "--vers", mountPoint + "/sauvegardes"], extraEnvironment: environment)
        XCTAssertEqual(backup.status, 1, backup.stderr)
        XCTAssertTrue(backup.stderr.contains("Disque plein"), backup.stderr)
        XCTAssertTrue(backup.stderr.contains("dans \(mountPoint!)/sauvegardes"), backup.stderr)
        XCTAssertTrue(backup.stderr.contains("il en faut au moins"), backup.stderr)
        XCTAssertFalse(backup.stderr.contains("not an error"), backup.stderr)

        // The open store is read as usual; the idle one cannot be opened: 3, not the 2 of a damaged store.
        let readable = try guichet.run(["check"], extraEnvironment: environment)
        XCTAssertEqual(readable.status, 0, readable.stdout + readable.stderr)
        let full = try guichet.run(["check"], extraEnvironment: ["GUICHET_DB": idle])
        XCTAssertEqual(full.status, 3, "a full disk is not a damaged store: \(full.stdout) \(full.stderr)")
        XCTAssertTrue(full.stderr.contains("Disque plein"), full.stderr)
        XCTAssertTrue(full.stderr.contains("La base n'a pas pu être vérifiée."), full.stderr)

        // Space freed: the same F10 saves what was typed, and the store is sound.
        unlink(mountPoint + "/remplissage")
        h.press(.function(10))
        XCTAssertEqual(try h.store.summary().persons, persons + 1, h.screen)
        for store in [h.store.path, idle] {
            let sound = try guichet.run(["check"], extraEnvironment: ["GUICHET_DB": store])
            XCTAssertEqual(sound.status, 0, sound.stdout + sound.stderr)
        }
        XCTAssertTrue(try guichet.run(["import", "tiers", csvPath], extraEnvironment: environment).stdout
            .contains("300 tiers importés"))
    }
}
