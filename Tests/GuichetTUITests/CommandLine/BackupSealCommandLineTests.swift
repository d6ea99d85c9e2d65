import Foundation
import XCTest

/// `guichet restaurer` puts back only a copy of this register, and `guichet check` verifies the
/// store against the anchors Guichet wrote outside it, naming the newest.
final class BackupSealCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    /// Takes a backup into `folder` and returns its path.
    private func backup(_ process: GuichetProcess, into folder: String) throws -> String {
        let result = try process.run(["sauvegarde", "--vers", folder])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(result.stdout.split(separator: "\n").first?.components(separatedBy: " : ").last)
    }

    func testABackupOfAnotherRegisterIsRefusedInFrenchAndRootMayForceIt() throws {
        let other = try GuichetProcess()
        defer { other.remove() }
        XCTAssertEqual(try other.run(["init"]).status, 0)
        XCTAssertEqual(try other.run(["agent", "add", "pirate", "--name", "Pirate", "--role", "administrateur"]).status, 0)
        let foreign = try backup(other, into: other.directory + "/sauvegardes")
        _ = try backup(guichet, into: guichet.directory + "/sauvegardes")

        let refused = try guichet.run(["restaurer", foreign])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("Restauration refusée : cette sauvegarde n'est pas une copie de ce registre "
            + "(son sceau n'est pas fait avec la clé de cet hôte"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("root peut la forcer (ou, pour la base d'un agent seul, le compte qui la possède) : « guichet restaurer --forcer \(foreign) »"), refused.stderr)
        XCTAssertFalse(try guichet.run(["agent", "list"]).stdout.contains("pirate"), "the register was left as it was")

        let forced = try guichet.run(["restaurer", "--forcer", foreign])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(Self.unwrapped(forced.stdout).contains("restauration forcée par root malgré : son sceau n'est pas fait avec la clé"),
                      forced.stdout)
        XCTAssertTrue(forced.stdout.contains("motif=restauration-forcee"), forced.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout)
        XCTAssertTrue(Self.unwrapped(check.stdout).contains("(fichier \(guichet.database).ancres"), check.stdout)
    }

    func testCheckNamesTheNewestAnchorAndCatchesTheNewestEventsDropped() throws {
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil"]).status, 0)
        _ = try backup(guichet, into: guichet.directory + "/sauvegardes")
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout)
        let said = Self.unwrapped(check.stdout)
        XCTAssertNotNil(said.range(of: #"Ancre du \d\d/\d\d/\d{4} à \d\d:\d\d \(fichier "#, options: .regularExpression), check.stdout)
        XCTAssertTrue(said.contains("(fichier \(guichet.database).ancres, 2 ancres vérifiées) : les 2 premiers événements "
            + "sont ceux de l'ancre"), check.stdout)

        // The newest event dropped and the head moved back, by plain SQL.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [guichet.database, "DELETE FROM event WHERE id = 2; "
            + "UPDATE chain_head SET last_event_id = 1, last_hash = (SELECT hash FROM event WHERE id = 1)"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let caught = try guichet.run(["check"])
        XCTAssertEqual(caught.status, 2)
        XCTAssertTrue(caught.stdout.contains("Ancre : ÉCHEC"), caught.stdout)
        XCTAssertTrue(Self.unwrapped(caught.stdout).contains("désigne l'événement n° 2, qui n'existe plus (la chaîne s'arrête à n° 1)"),
                      caught.stdout)
    }

    func testAPurgeSaysWhereItsAnchorWasWritten() throws {
        let procedures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("procedures").path
        let purge = try guichet.run(["rgpd", "purger", "--procedures", procedures])
        XCTAssertEqual(purge.status, 0, purge.stderr)
        XCTAssertTrue(purge.stdout.contains("Ancre écrite hors de la base (\(guichet.database).ancres et journal du système) :"), purge.stdout)
        let line = try XCTUnwrap(purge.stdout.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(line.hasPrefix("SIMS-ANCRE ") && line.hasSuffix(" motif=purge"), line)
        let check = try guichet.run(["check", "--depuis-ancre", line])
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    /// The text as printed before it was wrapped at 80 columns.
    private static func unwrapped(_ text: String) -> String { text.replacingOccurrences(of: #"\s*\n\s*"#, with: " ", options: .regularExpression) }
}
