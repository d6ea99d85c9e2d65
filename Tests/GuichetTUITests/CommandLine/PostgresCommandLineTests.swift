import Foundation
import SIMSModel
import SIMSTestSupport
import XCTest

/// A PostgreSQL register named by `--db`, end to end against the real binary: an empty database is
/// refused in French, `guichet init` installs the register's schema there, and no file is taken
/// for the URI.
final class PostgresCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var uri = ""
    private var parsed: PostgresURI!

    override func setUpWithError() throws {
        let cluster: PostgresTestCluster
        do {
            cluster = try PostgresTestCluster.shared()
        } catch let unavailable as PostgresTestCluster.Unavailable {
            throw XCTSkip(unavailable.description)
        }
        parsed = try cluster.makeDatabase()
        uri = "postgresql:///\(parsed.database!)?host=\(cluster.folder)&user=\(PostgresTestCluster.superuser)"
        guichet = try GuichetProcess()
    }

    override func tearDown() { guichet?.remove() }

    func testAnEmptyDatabaseIsRefusedUntilInitInstallsTheRegister() throws {
        let refused = try guichet.run(["summary", "--db", uri])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("est vide : aucun registre Guichet n'y est installé"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("« guichet init »"), refused.stderr)

        let initialised = try guichet.run(["init", "--db", uri, "--name", "Administratrice"],
                                          extraEnvironment: ["GUICHET_DONNEES": guichet.directory + "/donnees"])
        // The first agent's write needs PostgreSQL's row attestation: until it is there, it is refused by name
        // and nothing of it is written.
        let agents = try PostgresStore.open(parsed).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM agent") }
        if initialised.status == 0 {
            XCTAssertTrue(initialised.stdout.contains("Administrateur : admin"), initialised.stdout)
            XCTAssertFalse(initialised.stdout.contains(guichet.directory + "/donnees"), "the register shown by its address")
            XCTAssertEqual(agents, 1)
        } else {
            XCTAssertTrue(initialised.stderr.contains("(attestation des lignes) n'est pas encore possible sur un registre PostgreSQL"),
                          initialised.stderr)
            XCTAssertEqual(agents, 0)
        }
        let marker = try PostgresStore.open(parsed).read { db in
            try String.fetchOne(db, sql: "SELECT application FROM guichet_schema")
        }
        XCTAssertEqual(marker, "guichet", "the register's schema installed by init")
        XCTAssertTrue(FileManager.default.fileExists(atPath: guichet.directory + "/donnees"), "its local folder made")
        let entries = try FileManager.default.contentsOfDirectory(atPath: guichet.directory)
        XCTAssertFalse(entries.contains { $0.hasPrefix("postgres") }, "no file named after the URI: \(entries)")
    }

    func testWhatOnlyASQLiteFileAllowsIsRefusedByNameAndWritesNothingBesideTheURI() throws {
        let donnees = ["GUICHET_DONNEES": guichet.directory + "/donnees"]
        _ = try guichet.run(["init", "--db", uri], extraEnvironment: donnees)
        let backup = try guichet.run(["sauvegarde", "--db", uri], extraEnvironment: donnees)
        XCTAssertNotEqual(backup.status, 0)
        let restore = try guichet.run(["restaurer", "--db", uri, guichet.directory + "/sauvegarde-20261208-010000"],
                                      extraEnvironment: donnees)
        XCTAssertNotEqual(restore.status, 0)
        XCTAssertTrue(restore.stderr.contains("demande le chemin d'un fichier SQLite"), restore.stderr)
        let entries = try FileManager.default.contentsOfDirectory(atPath: guichet.directory)
        XCTAssertFalse(entries.contains { $0.hasPrefix("postgres") }, "no file named after the URI: \(entries)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: guichet.directory + "/donnees/sauvegardes"), "no backup folder begun")
    }
}
