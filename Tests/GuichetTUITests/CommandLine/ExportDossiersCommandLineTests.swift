import Foundation
import SIMSModel
import XCTest

/// `guichet export dossiers --csv`, end to end against the real binary.
final class ExportDossiersCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("the processes act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "chef", "--name", "Anne Superviseure", "--role", "superviseur"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "instr1", "--name", "Jean Instructeur", "--role", "instructeur"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
        try guichet.depositGrants(3)
    }

    override func tearDown() { guichet?.remove() }

    func testChosenColumnsOnStandardOutput() throws {
        XCTAssertEqual(try guichet.run(["dossier", "suivant"], as: "instr1").status, 0)
        let year = CalendarDate.today(now: Date()).year
        let export = try guichet.run(["export", "dossiers", "--csv", "--colonnes", "numero,demarche,etat,demandeur,attribue_a"],
                                     as: "chef")
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, """
            numero,demarche,etat,demandeur,attribue_a\r
            BS-\(year)-000001,BS,en instruction,WAMYTAN Hélène,Jean Instructeur\r
            BS-\(year)-000002,BS,déposé,WAMYTAN Hélène,\r
            BS-\(year)-000003,BS,déposé,WAMYTAN Hélène,\r

            """)
        XCTAssertEqual(export.stderr, "3 dossiers exportés.\n")
        let deposited = try guichet.run(["export", "dossiers", "--csv", "--colonnes", "numero", "--etat", "depose",
                                         "--demarche", "bs"], as: "chef")
        XCTAssertEqual(deposited.stdout, "numero\r\nBS-\(year)-000002\r\nBS-\(year)-000003\r\n")
        let none = try guichet.run(["export", "dossiers", "--csv", "--colonnes", "numero", "--etat", "decides"], as: "chef")
        XCTAssertEqual(none.stdout, "numero\r\n")
    }

    func testIntoAFileRecordedInTheLog() throws {
        let export = try guichet.run(["export", "dossiers", "--csv", "--etat", "ouverts", "--sortie", "dossiers.csv"])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(export.stdout, "")
        XCTAssertEqual(export.stderr, "3 dossiers exportés dans dossiers.csv.\n")
        let text = try String(contentsOfFile: guichet.directory + "/dossiers.csv", encoding: .utf8)
        XCTAssertTrue(text.hasPrefix(DossierExportColumn.headerList + "\r\n"), text)
        XCTAssertEqual(text.components(separatedBy: "\r\n").count, 5)
        let store = try SIMSStore.open(path: guichet.database)
        let kinds = try store.sqlitePool.read { db in try String.fetchAll(db, sql: "SELECT kind FROM event ORDER BY id DESC LIMIT 1") }
        XCTAssertEqual(kinds, ["dossiers.export"])
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testUnknownColumnsAndAgentsWithoutTheRoleAreRefused() throws {
        let unknown = try guichet.run(["export", "dossiers", "--csv", "--colonnes", "numero,nom"], as: "chef")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stdout, "")
        XCTAssertEqual(unknown.stderr, "guichet : Colonne inconnue : « nom ». Colonnes possibles : \(DossierExportColumn.headerList).\n")
        let state = try guichet.run(["export", "dossiers", "--csv", "--etat", "perdus"], as: "chef")
        XCTAssertEqual(state.status, 1)
        XCTAssertTrue(state.stderr.contains("État « perdus » inconnu. États possibles : ouverts, depose,"), state.stderr)
        let refused = try guichet.run(["export", "dossiers", "--csv", "--sortie", "x.csv"], as: "instr1")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("il faut être superviseur ou administrateur"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: guichet.directory + "/x.csv"))
        let help = try guichet.run(["export", "dossiers", "--help"])
        XCTAssertTrue(help.stdout.contains("RFC 4180"), help.stdout)
        XCTAssertTrue(help.stdout.contains("UTF-8"), help.stdout)
    }
}
