import Foundation
import XCTest

/// The administration tool, end to end against the real binary.
final class AdminCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("these tests act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        let created = try guichet.run(["init", "--name", "Administratrice"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.contains("Administrateur : admin"))
    }

    override func tearDown() { guichet?.remove() }

    func testALoginWithoutAnAccountCanOnlyReadWhy() throws {
        let refused = try guichet.run(["search", "wamytan"], as: "inconnu")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("L'identifiant « inconnu » n'a pas de compte Guichet"), refused.stderr)
    }

    func testAgentsAreAddedListedChangedAndDisabled() throws {
        XCTAssertEqual(try guichet.run(["agent", "add", "mgorodey", "--name", "Marie Gorodey", "--role", "accueil", "--service", "DPASS"]).status, 0)
        let denied = try guichet.run(["agent", "add", "x", "--name", "X", "--role", "accueil"], as: "mgorodey")
        XCTAssertTrue(denied.stderr.contains("il faut être administrateur"), denied.stderr)
        let badRole = try guichet.run(["agent", "add", "y", "--name", "Y", "--role", "chef"])
        XCTAssertTrue(badRole.stderr.contains("Rôle « chef » inconnu"), badRole.stderr)
        XCTAssertEqual(try guichet.run(["agent", "set-role", "mgorodey", "accueil,instructeur"]).status, 0)
        let list = try guichet.run(["agent", "list"])
        XCTAssertTrue(list.stdout.contains("mgorodey\tMarie Gorodey\tagent d'accueil, instructeur\tactif — services : DPASS"), list.stdout)
        XCTAssertEqual(try guichet.run(["agent", "disable", "mgorodey"]).status, 0)
        let disabled = try guichet.run(["search", "x"], as: "mgorodey")
        XCTAssertTrue(disabled.stderr.contains("est désactivé"), disabled.stderr)
    }

    func testAnImportFromATrustedSourceIsValidatedAndSaysSoItsOptionsAreChecked() throws {
        try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil"])
        let csv = guichet.write("etat-civil.csv", """
            type,nom_naissance,prenoms,sexe,date_naissance
            personne,Kaloï,Lise,F,04/07/1990

            """)
        let noSource = try guichet.run(["import", "tiers", csv, "--niveau", "2"])
        XCTAssertEqual(noSource.status, 1)
        XCTAssertEqual(noSource.stderr, "guichet : --niveau 2 demande --source NOM : la source de confiance qui garantit ces valeurs.\n")
        let badLevel = try guichet.run(["import", "tiers", csv, "--source", "État civil", "--niveau", "3"])
        XCTAssertTrue(badLevel.stderr.contains("--niveau : 0 (déclaré), 1 (vérifié sur pièce) ou 2 (validé)"), badLevel.stderr)
        let badName = try guichet.run(["import", "tiers", csv, "--source", "État\ncivil", "--niveau", "2"])
        XCTAssertTrue(badName.stderr.contains("--source : au plus 40 lettres"), badName.stderr)
        XCTAssertFalse(badName.stderr.contains("État\ncivil"), "the name is not echoed raw")
        let imported = try guichet.run(["import", "tiers", csv, "--source", "État civil", "--niveau", "2"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let found = try guichet.run(["search", "kaloi", "lise"], as: "accueil1")
        XCTAssertEqual(found.stdout.split(separator: "\n").first, "1\tKALOÏ Lise\t04/07/1990\t\t✔")
        let export = try guichet.run(["export", "tier", "1"], as: "admin")
        XCTAssertTrue(export.stdout.contains("État civil · etat-civil.csv:2"), export.stdout)
    }

    func testImportSearchExportAndCheck() throws {
        try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil,superviseur"])
        let csv = guichet.write("tiers.csv", """
            type,ref,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone,representant_legal
            personne,1,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,25 12 34,
            personne,2,Wamytan,Noé,M,10/10/2015,Nouméa,98800,,1
            personne,3,Dupont,Luc,M,31/02/1990,Nouméa,98800,,

            """)
        let imported = try guichet.run(["import", "tiers", csv])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("2 tiers importés, 1 ligne rejetée."), imported.stdout)
        let rejects = try String(contentsOfFile: guichet.directory + "/tiers.rejets.csv", encoding: .utf8)
        XCTAssertTrue(rejects.contains("4,\"Date de naissance : le 31/02/1990 n'existe pas"), rejects)

        let found = try guichet.run(["search", "helene", "ouamitan"], as: "accueil1")
        XCTAssertEqual(found.stdout.split(separator: "\n").first, "1\tWAMYTAN Hélène\t14/03/1985\tNouméa\t·")
        let json = try guichet.run(["search", "--json", "NEAR(\"*"], as: "accueil1")
        XCTAssertEqual(json.status, 0, json.stderr)

        let export = try guichet.run(["export", "tier", "1"], as: "accueil1")
        XCTAssertEqual(export.status, 0, export.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((object?["tiers"] as? [String: Any])?["nom"] as? String, "WAMYTAN Hélène")

        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("chaîne intacte"))
    }

    func testCheckNamesTheEventAlteredWithSqlite3() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil"])
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [guichet.database, "UPDATE event SET payload = replace(payload, 'accueil1', 'pirate') WHERE id = 2"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stdout.contains("Événement n° 2 (ajout d'un agent"), check.stdout)
    }

    func testCheckNamesThePersonWhoseSearchWordsWereDeletedWithSqlite3() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil"])
        let csv = guichet.write("tiers.csv", """
            type,ref,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone,representant_legal
            personne,1,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,25 12 34,

            """)
        XCTAssertEqual(try guichet.run(["import", "tiers", csv]).status, 0)
        let sound = try guichet.run(["check"])
        XCTAssertEqual(sound.status, 0, sound.stdout + sound.stderr)
        XCTAssertTrue(sound.stdout.contains("Tables dérivées (index de recherche, tableau de bord) : conformes"), sound.stdout)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [guichet.database, "DELETE FROM search_token WHERE tier_id = 1"]
        try sqlite.run()
        sqlite.waitUntilExit()
        let vanished = try guichet.run(["search", "wamytan"], as: "accueil1")
        XCTAssertTrue(vanished.stdout.contains("Aucun tiers ne correspond à « wamytan »"), "the person vanished: \(vanished.stdout)")
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stdout.contains("Tables dérivées : 1 problème(s)"), check.stdout)
        XCTAssertTrue(check.stdout.contains("Index de recherche : la fiche n° 1 a perdu"), check.stdout)
    }

    func testCheckPrintsAnAnchorAndProvesThePastFromIt() throws {
        try guichet.run(["agent", "add", "accueil1", "--name", "Agent", "--role", "accueil"])
        let anchored = try guichet.run(["check", "--ancre"])
        XCTAssertEqual(anchored.status, 0, anchored.stdout + anchored.stderr)
        XCTAssertTrue(anchored.stdout.contains("chacune conforme à son événement"), anchored.stdout)
        let line = try XCTUnwrap(anchored.stdout.split(separator: "\n").last.map(String.init))
        XCTAssertTrue(line.hasPrefix("SIMS-ANCRE "), line)
        try guichet.run(["agent", "add", "accueil2", "--name", "Autre Agent", "--role", "accueil"])
        let later = try guichet.run(["check", "--depuis-ancre", line])
        XCTAssertEqual(later.status, 0, later.stdout + later.stderr)
        XCTAssertTrue(later.stdout.contains("sont ceux de l'ancre"), later.stdout)
        let garbled = try guichet.run(["check", "--depuis-ancre", "SIMS-ANCRE hier n=x"])
        XCTAssertEqual(garbled.status, 1)
        XCTAssertTrue(garbled.stderr.contains("Ancre illisible"), garbled.stderr)
    }

    func testACorruptedFileExitsTwo() throws {
        let bytes = Data(repeating: 0x5A, count: 4096)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: guichet.database))
        try handle.seek(toOffset: 0)
        handle.write(bytes)
        try handle.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: guichet.database + suffix) }
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 2, check.stdout + check.stderr)
    }

    func testANewerStoreIsRefusedWithAClearMessage() throws {
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [guichet.database, "INSERT INTO grdb_migrations VALUES ('v9-future')"]
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        try sqlite.run()
        sqlite.waitUntilExit()
        let refused = try guichet.run(["summary"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("version plus récente de Guichet"), refused.stderr)
    }
}
