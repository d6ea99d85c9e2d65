import Foundation
import SIMSModel
import XCTest

/// The administration commands, hardened: what they write, what they echo, what they accept.
final class HardenedCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("these tests act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "chef", "--name", "Anne Tein", "--role", "superviseur"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    func testSortieKeepsAnExistingFileUnlessEcraserAndNeverWritesOverADeviceOrALink() throws {
        try guichet.depositGrants(2)
        let existing = guichet.write("dossiers.csv", "à garder")
        let refused = try guichet.run(["export", "dossiers", "--sortie", "dossiers.csv"], as: "chef")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("Le fichier dossiers.csv existe déjà : choisissez un autre nom, ou ajoutez --ecraser"),
                      refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: existing, encoding: .utf8), "à garder")
        let replaced = try guichet.run(["export", "dossiers", "--sortie", "dossiers.csv", "--ecraser"], as: "chef")
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        XCTAssertTrue(try String(contentsOfFile: existing, encoding: .utf8).hasPrefix("numero,"))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: existing)[.posixPermissions] as? Int, 0o600)

        let device = try guichet.run(["export", "dossiers", "--sortie", "/dev/null", "--ecraser"], as: "chef")
        XCTAssertEqual(device.status, 1)
        XCTAssertTrue(device.stderr.contains("/dev/null n'est pas un fichier ordinaire"), device.stderr)
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR)
        try FileManager.default.createSymbolicLink(atPath: guichet.directory + "/lien.csv", withDestinationPath: existing)
        let link = try guichet.run(["export", "dossiers", "--sortie", "lien.csv", "--ecraser"], as: "chef")
        XCTAssertTrue(link.stderr.contains("lien.csv est un lien symbolique"), link.stderr)
    }

    func testAgentNamesAreCheckedLikeTiersNames() throws {
        for (name, reason) in [("=cmd|' /C calc'!A0", "Nom de l'agent : "), ("-Marie", "commence ou finit par un trait d'union"),
                               ("Marie\u{1B}[2J", "caractère de contrôle (U+001B)"), ("   ", "indiquez son nom complet")] {
            let refused = try guichet.run(["agent", "add", "x", "--name=" + name, "--role", "accueil"])
            XCTAssertEqual(refused.status, 1, name)
            XCTAssertTrue(refused.stderr.contains(reason), refused.stderr)
            XCTAssertFalse(refused.stderr.contains("\u{1B}"), refused.stderr)
        }
        XCTAssertEqual(try guichet.run(["agent", "add", "x", "--name", "Jean-Noël N’Guyen", "--role", "accueil"]).status, 0)
        XCTAssertTrue(try guichet.run(["agent", "list"]).stdout.contains("x\tJean-Noël N'Guyen\t"))
    }

    func testACSVHeaderHoldingEscapeSequencesIsShownEscapedAndShortened() throws {
        let csv = guichet.write("tiers.csv", "type,\u{1B}]0;pwned\u{07}\u{1B}[2J" + String(repeating: "x", count: 500) + "\npersonne,a\n")
        let refused = try guichet.run(["import", "tiers", csv])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("colonne inconnue « \\x1B]0;pwned\\x07\\x1B[2Jxxx"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("xxx… »"), refused.stderr)
        XCTAssertFalse(refused.stderr.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertLessThan(refused.stderr.count, 600)
    }

    func testAFileAlreadyImportedIsRefusedUnlessEncoreAndRejectsAreNeutralised() throws {
        let csv = guichet.write("tiers.csv", """
            type,nom_naissance,prenoms,date_naissance
            personne,Wamytan,Hélène,14/03/1985
            =HYPERLINK("http://x"),Luc,,01/01/1990

            """)
        let first = try guichet.run(["import", "tiers", csv])
        XCTAssertEqual(first.stdout, "1 tiers importé, 1 ligne rejetée.\nLignes rejetées et motifs : \(guichet.directory)/tiers.rejets.csv\n")
        let rejects = try String(contentsOfFile: guichet.directory + "/tiers.rejets.csv", encoding: .utf8)
        // The refused line reaches a spreadsheet as text, not as a formula.
        XCTAssertTrue(rejects.contains(",\"'=HYPERLINK(\"\"http://x\"\"),Luc,,01/01/1990\""), rejects)
        let copy = guichet.write("copie.csv", try String(contentsOfFile: csv, encoding: .utf8))
        let again = try guichet.run(["import", "tiers", copy])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stdout, "")
        let today = Timestamp.french(Timestamp.string(from: Date())).prefix(10)
        XCTAssertTrue(again.stderr.contains("\(copy) a déjà été importé le \(today)"), again.stderr)
        XCTAssertTrue(again.stderr.contains("par admin (alors nommé « tiers.csv »), événement n° "), again.stderr)
        XCTAssertTrue(again.stderr.contains("ajoutez --encore"), again.stderr)
        let forced = try guichet.run(["import", "tiers", copy, "--encore"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.hasPrefix("1 tiers importé,"), forced.stdout)
        XCTAssertEqual(try guichet.run(["search", "wamytan"], as: "accueil1").stdout.split(separator: "\n").count, 2)
    }

    func testASearchOfFourThousandLettersIsRefusedAtOnce() throws {
        let long = try guichet.run(["search", String(repeating: "a", count: 4_000)], as: "accueil1")
        XCTAssertEqual(long.status, 1)
        XCTAssertEqual(long.stdout, "")
        XCTAssertEqual(long.stderr, "guichet : Recherche trop longue (4000 caractères) : 120 au plus, comme dans le champ de "
            + "recherche. Tapez seulement le nom, la date ou le numéro cherché.\n")
    }

    func testABusyStoreIsWaitedForAndWhatHoldsItIsSaid() throws {
        // sqlite3 holds the write lock for 13 s: more than SQLite's own wait of 10 s.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [guichet.database]
        let input = Pipe()
        holder.standardInput = input
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\n.shell sleep 13\nCOMMIT;\n".utf8))
        Thread.sleep(forTimeInterval: 0.5)
        let added = try guichet.run(["agent", "add", "instr1", "--name", "Jean Wayenece", "--role", "instructeur"])
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(added.stderr.hasPrefix("guichet : la base est occupée par une autre écriture (aucun guichet connu ne la tient : "
            + "un autre programme, par exemple sqlite3) ; nouvel essai (2/30)…\n"), added.stderr)
        XCTAssertTrue(added.stdout.contains("Agent ajouté : instr1"), added.stdout)
    }
}
