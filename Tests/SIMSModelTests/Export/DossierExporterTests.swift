import CSV
import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The dossiers' CSV export: chosen columns, RFC 4180 quoting, the queue filters, the roles, the
/// audit event, and a file that appears only once complete.
final class DossierExporterTests: XCTestCase {
    var test: TestStore!
    var instructor: Agent!
    var supervisor: Agent!

    override func setUpWithError() throws {
        test = try TestStore()
        let agents = AgentService(store: test.store)
        instructor = try agents.add(login: "instr1", fullName: "Jean Instructeur", roles: [.instructor], services: [], by: test.admin)
        supervisor = try agents.add(login: "sup1", fullName: "Anne Superviseure", roles: [.supervisor], services: [], by: test.admin)
    }

    override func tearDown() { test.remove() }

    /// Submits a dossier of `procedure` for a parent named `surname`; returns its id.
    @discardableResult
    func submit(_ surname: String, _ procedure: Procedure = TestProcedures.schoolGrant) throws -> Int64 {
        let parent = try test.person("Hélène", surname, born: "14/03/1985",
                                     [.address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"])
        let child = try test.person("Léa", surname, born: "02/05/2016", [.sex: "F"])
        var intake = try DossierService(store: test.store).start(procedure, applicantID: parent.id, beneficiaryID: child.id,
                                                                 by: test.counter)
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
        return try DossierService(store: test.store).submit(intake.dossier, procedure: procedure, by: test.counter).dossier.id
    }

    /// Exports into a file and reads it back as rows of cells.
    func exported(_ filter: QueueFilter, _ columns: [DossierExportColumn] = DossierExportColumn.allCases,
                  by agent: Agent? = nil) throws -> (text: String, rows: [[String]]) {
        let path = test.directory + "/export.csv"
        try DossierExporter(store: test.store).export(filter, columns: columns, toFile: path, replacing: true, by: agent ?? supervisor)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let reader = try CSVReader(string: text)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return (text, rows)
    }

    func testChosenColumnsInTheirOrderWithFrenchValues() throws {
        let id = try submit("Wamytan")
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.propose(.refused, motif: "Ressources au-dessus du plafond."), on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.decide(.refused, motif: "Ressources au-dessus du plafond."), on: id, reviewLevels: 2, by: supervisor)
        let columns = try DossierExportColumn.parse("numero, etat,demandeur,beneficiaire,depose_le,echeance,en_retard,decision,decide_le,decide_par,motif")
        let (text, rows) = try exported(QueueFilter(scope: .all), columns)
        XCTAssertEqual(rows, [
            ["numero", "etat", "demandeur", "beneficiaire", "depose_le", "echeance", "en_retard", "decision", "decide_le",
             "decide_par", "motif"],
            ["BS-2026-000001", "refusé", "WAMYTAN Hélène", "WAMYTAN Léa", "29/11/2026", "13/01/2027", "non", "refus", "29/11/2026",
             "Anne Superviseure", "Ressources au-dessus du plafond."],
        ])
        XCTAssertTrue(text.hasPrefix("numero,etat,demandeur,"), text)
        XCTAssertTrue(text.hasSuffix("Ressources au-dessus du plafond.\r\n"), "RFC 4180 lines end in CRLF: \(text)")
    }

    func testNamesHoldingCommasAndQuotesAreQuoted() throws {
        // Person names hold neither commas nor quotes; a raison sociale may hold both.
        let licence = Procedure(code: "LDB", title: "Demande de licence, débit de boissons", applicantKind: .organisation,
                                sheet: TestProcedures.sheet, fields: [], pieces: [], reviewLevels: 2, deadlineDays: 60,
                                retentionYears: 10)
        let snack = try TierService(store: test.store).create(kind: .organisation, values: [
            .companyName: "Snack \"Le Kiosque\", Anse Vata", .ridet: "0123456.001", .legalForm: "SARL"], by: test.counter)
        let intake = try DossierService(store: test.store).start(licence, applicantID: snack.id, by: test.counter)
        let id = try DossierService(store: test.store).submit(intake.dossier, procedure: licence, by: test.counter).dossier.id
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.propose(.accepted, motif: "Pièces complètes,\nbail \"commercial\" fourni."), on: id,
                             reviewLevels: 2, by: instructor)
        let (text, rows) = try exported(QueueFilter(scope: .all), [.number, .title, .applicant, .proposal, .motif, .beneficiary])
        XCTAssertEqual(text, """
            numero,intitule,demandeur,proposition,motif,beneficiaire\r
            LDB-2026-000001,"Demande de licence, débit de boissons","Snack ""Le Kiosque"", Anse Vata",acceptation,"Pièces complètes,
            bail ""commercial"" fourni.",\r

            """)
        XCTAssertEqual(rows.last, ["LDB-2026-000001", "Demande de licence, débit de boissons", "Snack \"Le Kiosque\", Anse Vata",
                                   "acceptation", "Pièces complètes,\nbail \"commercial\" fourni.", ""])
    }

    func testFiltersOnProcedureStateAndDeadline() throws {
        let first = try submit("Wamytan")
        try submit("Gorodey", TestProcedures.renewal)
        try submit("Néaoutyine")
        _ = try WorkflowService(store: test.store).perform(.claim, on: first, reviewLevels: 2, by: instructor)
        func numbers(_ filter: QueueFilter) throws -> [String] { try exported(filter, [.number]).rows.dropFirst().map { $0[0] } }
        XCTAssertEqual(try numbers(QueueFilter(scope: .all)), ["BS-2026-000001", "RBS-2026-000001", "BS-2026-000002"],
                       "oldest deposit first")
        XCTAssertEqual(try numbers(QueueFilter(procedureCode: "BS", scope: .all)), ["BS-2026-000001", "BS-2026-000002"])
        XCTAssertEqual(try numbers(QueueFilter(scope: .state(.submitted))), ["RBS-2026-000001", "BS-2026-000002"])
        XCTAssertEqual(try numbers(QueueFilter(procedureCode: "BS", scope: .state(.underReview))), ["BS-2026-000001"])
        XCTAssertEqual(try numbers(QueueFilter(scope: .decided)), [])
        XCTAssertEqual(try numbers(QueueFilter(scope: .open, deadline: .overdue)), [])
        let later = try SIMSStore.open(path: test.path, clock: .fixed(TestStore.now.addingTimeInterval(50 * 86_400)))
        let path = test.directory + "/late.csv"
        try DossierExporter(store: later).export(QueueFilter(scope: .open, deadline: .overdue), columns: [.number, .overdue],
                                                 toFile: path, by: supervisor)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8),
                       "numero,en_retard\r\nBS-2026-000001,oui\r\nRBS-2026-000001,oui\r\nBS-2026-000002,oui\r\n")
    }

    func testUnknownColumnsAndStatesAreRefusedWithTheValidOnes() throws {
        XCTAssertThrowsError(try DossierExportColumn.parse("numero,nom")) {
            XCTAssertEqual("\($0)", "Colonne inconnue : « nom ». Colonnes possibles : \(DossierExportColumn.headerList).")
        }
        XCTAssertEqual(try DossierExporter.scope(parsing: "ouverts"), .open)
        XCTAssertEqual(try DossierExporter.scope(parsing: "Déposé"), .state(.submitted))
        XCTAssertEqual(try DossierExporter.scope(parsing: "attente_pieces"), .state(.awaitingPieces))
        XCTAssertEqual(try DossierExporter.scope(parsing: "décidés"), .decided)
        XCTAssertThrowsError(try DossierExporter.scope(parsing: "brouillon")) {
            XCTAssertTrue("\($0)".hasPrefix("État « brouillon » inconnu. États possibles : ouverts, depose,"), "\($0)")
        }
    }

    func testOnlySupervisorsAndAdministratorsExportAndEachExportIsRecorded() throws {
        try submit("Wamytan")
        let path = test.directory + "/refused.csv"
        XCTAssertThrowsError(try DossierExporter(store: test.store).export(QueueFilter(scope: .all), toFile: path, by: instructor)) {
            XCTAssertEqual("\($0)", "Vous ne pouvez pas exporter des dossiers (données personnelles) : il faut être superviseur ou administrateur.")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        _ = try exported(QueueFilter(procedureCode: "BS", scope: .open), [.number, .applicant])
        _ = try exported(QueueFilter(scope: .all), by: test.admin)
        let events = try test.store.sqlitePool.read { db in
            try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event WHERE kind = 'dossiers.export' ORDER BY id")
        }
        XCTAssertEqual(events.map(\.agentID), [supervisor.id, test.admin.id])
        let payload = EventLog.decodePayload(events[0].payload)
        XCTAssertEqual(payload["colonnes"], "numero,demandeur")
        XCTAssertEqual(payload["demarche"], "BS")
        XCTAssertEqual(payload["etat"], "à traiter")
        XCTAssertEqual(payload["lignes"], "1")
        XCTAssertEqual(events[0].kindLabel, "export de dossiers")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }

    func testTheFileAppearsOnlyOnceCompleteAndIsPrivate() throws {
        for surname in ["Wamytan", "Gorodey", "Néaoutyine"] { try submit(surname) }
        let path = test.directory + "/dossiers.csv"
        try Data("ancien contenu".utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try DossierExporter(store: test.store).export(QueueFilter(scope: .all), toFile: path, by: supervisor)) {
            XCTAssertEqual("\($0)", "Le fichier \(path) existe déjà : choisissez un autre nom, ou ajoutez --ecraser pour le remplacer.")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "ancien contenu")
        let count = try DossierExporter(store: test.store).export(QueueFilter(scope: .all), toFile: path, replacing: true,
                                                                  by: supervisor)
        XCTAssertEqual(count, 3)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "\r\n").count, 5, "header, 3 rows, and the end of the last line")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: test.directory).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
        XCTAssertThrowsError(try DossierExporter(store: test.store).export(QueueFilter(scope: .all),
                                                                            toFile: test.directory + "/absent/x.csv", by: supervisor))
    }

    func testOnlyARegularFileIsEverWrittenNeverADeviceAFolderOrALink() throws {
        try submit("Wamytan")
        let exporter = DossierExporter(store: test.store)
        // As root, replacing /dev/null by a regular file would break the host: refused even with --ecraser.
        XCTAssertThrowsError(try exporter.export(QueueFilter(scope: .all), toFile: "/dev/null", replacing: true, by: supervisor)) {
            XCTAssertEqual("\($0)", "/dev/null n'est pas un fichier ordinaire (périphérique, tube ou socket) : Guichet n'y écrit pas ; "
                + "indiquez un nom de fichier.")
        }
        var info = stat()
        XCTAssertEqual(lstat("/dev/null", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "/dev/null is still the device")
        let target = test.directory + "/cible.txt"
        try Data("à garder".utf8).write(to: URL(fileURLWithPath: target))
        let link = test.directory + "/lien.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertThrowsError(try exporter.export(QueueFilter(scope: .all), toFile: link, replacing: true, by: supervisor)) {
            XCTAssertTrue("\($0)".contains("est un lien symbolique"), "\($0)")
        }
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "à garder")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target)
        XCTAssertThrowsError(try exporter.export(QueueFilter(scope: .all), toFile: test.directory, replacing: true, by: supervisor)) {
            XCTAssertTrue("\($0)".contains("est un dossier : indiquez un nom de fichier"), "\($0)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: test.directory).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testCellsASpreadsheetWouldReadAsFormulasAreNeutralised() throws {
        XCTAssertEqual(SpreadsheetCell.neutralised("=HYPERLINK(\"http://x\";\"clic\")"), "'=HYPERLINK(\"http://x\";\"clic\")")
        for start in ["+", "-", "@", "\t", "\r"] {
            XCTAssertEqual(SpreadsheetCell.neutralised(start + "1+1"), "'" + start + "1+1")
        }
        XCTAssertEqual(SpreadsheetCell.neutralised("WAMYTAN Hélène"), "WAMYTAN Hélène")
        XCTAssertEqual(SpreadsheetCell.neutralised(""), "")
        // A motive typed by an instructeur reaches the spreadsheet as text, not as a formula.
        let id = try submit("Wamytan")
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: instructor)
        try workflow.perform(.propose(.accepted, motif: "=HYPERLINK(\"http://x\")"), on: id, reviewLevels: 2, by: instructor)
        let (text, rows) = try exported(QueueFilter(scope: .all), [.number, .motif])
        XCTAssertEqual(rows.last, ["BS-2026-000001", "'=HYPERLINK(\"http://x\")"], text)
    }

    func testTheExportWalksAnIndexInDepositOrder() throws {
        // Rows stream from the first one: no temporary b-tree sorting every dossier first (a
        // procedure across several states may still be sorted by SQLite, on disk if need be).
        let today = CalendarDate(iso: "2026-11-29")!
        for filter in [QueueFilter(scope: .all), QueueFilter(scope: .state(.submitted)),
                       QueueFilter(procedureCode: "BS", scope: .state(.accepted))] {
            let plan = try test.store.read { db in
                let (sql, arguments) = DossierExporter.query(filter, columns: DossierExportColumn.allCases, today: today,
                                                             calendar: try db.capability(CalendarSQL.self))
                return try db.capability(QueryPlanning.self).queryPlan(sql: sql, arguments: arguments)
            }
            XCTAssertFalse(plan.contains { $0.contains("TEMP B-TREE") }, "\(filter): " + plan.joined(separator: "\n"))
        }
    }
}
