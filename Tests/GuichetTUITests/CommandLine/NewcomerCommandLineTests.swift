import Foundation
import XCTest

/// A newcomer's first commands: a missing store, the demo store from the command line, an
/// import's summary in good French.
final class NewcomerCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws { guichet = try GuichetProcess() }
    override func tearDown() { guichet?.remove() }

    /// The demo store's path, where `guichet --demo` creates it (XDG_DATA_HOME is the test's).
    private var demoPath: String { guichet.directory + "/data/guichet/demo.sqlite" }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: guichet.directory).sorted()
    }

    func testACommandOnAMissingStoreSaysSoAndCreatesNothing() throws {
        let before = try entries()
        let summary = try guichet.run(["summary"])
        XCTAssertEqual(summary.status, 1)
        XCTAssertEqual(summary.stderr, "guichet : Aucune base SIMS à \(guichet.database). Créez-la avec « guichet init » "
            + "(ou indiquez-en une autre avec --db ou GUICHET_DB).\n")
        XCTAssertEqual(try entries(), before, "no sims.sqlite.sessions folder left behind")
        XCTAssertEqual(try guichet.run(["search", "wamytan"]).status, 1)
        XCTAssertEqual(try entries(), before)
    }

    func testDemoNamesTheDemoStoreBeforeOrAfterTheCommand() throws {
        XCTAssertEqual(try guichet.run(["init", "--db", demoPath, "--name", "Agent de démonstration"]).status, 0)
        for arguments in [["--demo", "summary"], ["summary", "--demo"]] {
            let summary = try guichet.run(arguments)
            XCTAssertEqual(summary.status, 0, "\(arguments): \(summary.stderr)")
            XCTAssertTrue(summary.stdout.hasPrefix("Base \(demoPath)\n"), "\(arguments): \(summary.stdout)")
            XCTAssertTrue(summary.stdout.hasSuffix("\n0 personne, 0 organisation, 0 relation, 1 agent, 1 événement au journal.\n"),
                          summary.stdout)
        }
        let agents = try guichet.run(["agent", "list", "--demo"])
        XCTAssertEqual(agents.status, 0, agents.stderr)
        XCTAssertTrue(agents.stdout.contains("Agent de démonstration"), agents.stdout)
        // Without --demo, the default store is missing: the message says how to reach the demo one.
        let plain = try guichet.run(["summary"])
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.stderr.contains("La base de démonstration existe : ajoutez --demo pour l'utiliser."), plain.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: guichet.database + ".sessions"))
        let both = try guichet.run(["summary", "--demo", "--db", guichet.database])
        XCTAssertEqual(both.status, 1)
        XCTAssertEqual(both.stderr, "guichet : --db et --demo désignent chacune une base : gardez-en une seule.\n")
    }

    func testDemoBeforeTheDemoStoreExistsSaysHowToCreateItAndCreatesNothing() throws {
        let before = try entries()
        let summary = try guichet.run(["--demo", "summary"])
        XCTAssertEqual(summary.status, 1)
        XCTAssertEqual(summary.stderr, "guichet : la base de démonstration \(demoPath) n'existe pas encore : lancez « guichet --demo » "
            + "pour la créer (quelques dizaines de secondes), puis relancez cette commande.\n")
        XCTAssertEqual(try entries(), before)
    }

    func testAnImportSaysItsCountsInGoodFrenchAndWritesNoRejectsFileWhenNothingWasRejected() throws {
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        let one = guichet.write("un.csv", "type,nom_naissance,prenoms,date_naissance\npersonne,Wamytan,Hélène,14/03/1985\n")
        let imported = try guichet.run(["import", "tiers", one])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertEqual(imported.stdout, "1 tiers importé, aucune ligne rejetée.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: guichet.directory + "/un.rejets.csv"),
                       "no rejects file holding its header alone")
        let three = guichet.write("trois.csv", """
            type,nom_naissance,prenoms,date_naissance
            personne,Kaloï,Lise,02/02/1990
            personne,Tein,Anne,03/03/1991
            personne,,Sans nom,31/02/1985
            personne,Gorodey,,
            personne,Wayenece,Jean,04/04/1992

            """)
        let more = try guichet.run(["import", "tiers", three])
        XCTAssertEqual(more.status, 0, more.stderr)
        XCTAssertTrue(more.stdout.hasPrefix("3 tiers importés, 2 lignes rejetées.\n"), more.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: guichet.directory + "/trois.rejets.csv"))
    }
}
