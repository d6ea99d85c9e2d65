import Foundation
import GRDB
import XCTest
@testable import SIMSModel

final class TierImporterTests: XCTestCase {
    private func write(_ t: TestStore, _ name: String, _ bytes: [UInt8]) -> String {
        let path = t.directory + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private let header = "type,ref,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone,raison_sociale,ridet,forme_juridique,representant_legal,gerant\n"

    func testGoodLinesAreImportedWithFactsRelationsAndOneEventBadOnesRejectedWithTheirLine() throws {
        let t = try TestStore()
        defer { t.remove() }
        var bytes = Array((header
            + "personne,m1,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,25 12 34,,,,,\n"
            + "personne,c1,Wamytan,Noé,M,10/10/2015,Nouméa,98800,,,,,m1,\n"
            + "personne,x,Dupont,Luc,M,31/02/1990,Nouméa,98800,,,,,,\n"
            + "personne,c2,Dupont,Léa,F,01/01/2016,Nouméa,98800,,,,,x,\n"
            + "organisation,o1,,,,,Païta,98889,,\"Transports Wamytan et Fils\",0123456.001,SARL,,m1\n"
            + "personne,y,trop,de,colonnes\n").utf8)
        bytes += Array("personne,z,".utf8) + [0xFF, 0xFE] + Array(",Paul,M,01/01/1990,Nouméa,98800,,,,,,\n".utf8)
        bytes += Array("chose,w,Truc,Paul,M,01/01/1990,Nouméa,98800,,,,,,\n".utf8)
        bytes += Array("personne,c3,Wamytan,Léo,M,01/01/2017,Nouméa,98800,,,,,inconnu,\n".utf8)
        let path = write(t, "tiers.csv", bytes)
        let report = try TierImporter(store: t.store).importTiers(path: path, by: t.admin)
        XCTAssertEqual(report.imported, 3)
        XCTAssertEqual(report.rejected, 6)
        let rejects = try String(contentsOfFile: report.rejectsPath, encoding: .utf8)
        XCTAssertTrue(rejects.contains("4,\"Date de naissance : le 31/02/1990 n'existe pas"), rejects)
        XCTAssertTrue(rejects.contains("5,la ligne de référence « x » a été rejetée"), rejects)
        XCTAssertTrue(rejects.contains("7,5 colonnes au lieu de 14"), rejects)
        XCTAssertTrue(rejects.contains("8,encodage invalide"), rejects)
        XCTAssertTrue(rejects.contains("9,type « chose » inconnu"), rejects)
        XCTAssertTrue(rejects.contains("10,référence « inconnu » inconnue"), rejects)

        let hits = try TierSearch(store: t.store).search("noe wamytan")
        let child = try TierService(store: t.store).snapshot(id: try XCTUnwrap(hits.first?.tierID))
        XCTAssertEqual(child.relations.map(\.otherName), ["WAMYTAN Hélène"])
        XCTAssertEqual(child.current[.birthName]?.source, .imported)
        XCTAssertEqual(child.current[.birthName]?.reference, "tiers.csv:3")
        let company = try XCTUnwrap(TierSearch(store: t.store).search("0123456").first)
        XCTAssertEqual(company.displayName, "Transports Wamytan et Fils")
        let events = try t.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM event WHERE kind = ?", arguments: [EventKind.tiersImported.rawValue])
        }
        XCTAssertEqual(events.count, 1)
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
    }

    func testALineWhoseOnlyFaultIsAnOptionalValueIsImportedWithoutIt() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = write(t, "contacts.csv", Array((header
            + "personne,a,Kaloi,Paul,M,01/01/1990,Nouméa,98800,12,,,,,\n"          // phone outside the numbering plan
            + "personne,b,Pidjot,Léa,F,31/02/1990,Nouméa,98800,12,,,,,\n"          // and a wrong birth date: refused
            + "personne,c,Wéa,Kiam,M,02/02/1991,Nouméa,98800,25 12 34,,,,,\n").utf8))
        let report = try TierImporter(store: t.store).importTiers(path: path, by: t.admin)
        XCTAssertEqual(report.imported, 2)
        XCTAssertEqual(report.rejected, 1)
        XCTAssertEqual(report.importedWithout, 1)
        let rejects = try String(contentsOfFile: report.rejectsPath, encoding: .utf8)
        XCTAssertTrue(rejects.contains("2,\"importé sans le téléphone : Téléphone"), rejects)
        XCTAssertTrue(rejects.contains("3,\"Date de naissance : le 31/02/1990 n'existe pas"), rejects)
        let paul = try TierService(store: t.store).snapshot(id: try XCTUnwrap(TierSearch(store: t.store).search("paul kaloi").first?.tierID))
        XCTAssertNil(paul.current[.phone], "the wrong phone is left out")
        XCTAssertEqual(paul.current[.commune]?.value, "Nouméa", "the other values are kept")

        let strictStore = try TestStore()
        defer { strictStore.remove() }
        let strict = try TierImporter(store: strictStore.store).importTiers(path: path, rejectsPath: t.directory + "/strict.csv",
                                                                            strict: true, by: strictStore.admin)
        XCTAssertEqual(strict.imported, 1)
        XCTAssertEqual(strict.rejected, 2)
        XCTAssertEqual(strict.importedWithout, 0)
    }

    func testAnUnknownColumnRefusesTheWholeFileBeforeWritingAnything() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = write(t, "bad.csv", Array("type,nom,prenoms\npersonne,Wamytan,Hélène\n".utf8))
        XCTAssertThrowsError(try TierImporter(store: t.store).importTiers(path: path, by: t.admin)) { error in
            XCTAssertTrue("\(error)".contains("ligne 1 : colonne inconnue « nom »"), "\(error)")
        }
        XCTAssertEqual(try t.store.summary().persons, 0)
    }

    func testAFailureMidwayLeavesNothingOfTheFile() throws {
        let t = try TestStore()
        defer { t.remove() }
        // A trigger makes the third tier's insert fail, as a full disk would.
        try t.store.sqlitePool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_third BEFORE INSERT ON tier WHEN (SELECT count(*) FROM tier) >= 2
                BEGIN SELECT RAISE(ABORT, 'disque plein'); END
                """)
        }
        let lines = (1...5).map { "personne,\($0),Wamytan,Paul,M,01/01/199\($0),Nouméa,98800,,,,,,\n" }.joined()
        let path = write(t, "five.csv", Array((header + lines).utf8))
        XCTAssertThrowsError(try TierImporter(store: t.store).importTiers(path: path, by: t.admin))
        XCTAssertEqual(try t.store.summary().persons, 0)
        let tokens = try t.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_token") }
        XCTAssertEqual(tokens, 0)
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
    }

    func testOnlyAdministratorsImport() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = write(t, "x.csv", Array(header.utf8))
        XCTAssertThrowsError(try TierImporter(store: t.store).importTiers(path: path, by: t.counter)) { error in
            XCTAssertTrue(error is AccessError)
        }
    }

    func testTheSummaryIsGivenTheMomentTheImportCommitsAndARepeatIsRefused() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = write(t, "tiers.csv", Array((header + "personne,m1,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,,,,,,\n").utf8))
        var seen: Int?
        try TierImporter(store: t.store).importTiers(path: path, by: t.admin) { report in
            // Called once committed: another connection already sees the tiers.
            seen = try? SIMSStore.open(path: t.path).sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") }
            XCTAssertEqual(report.imported, 1)
        }
        XCTAssertEqual(seen, 1)
        XCTAssertThrowsError(try TierImporter(store: t.store).importTiers(path: path, by: t.admin)) {
            XCTAssertTrue("\($0)".contains("a déjà été importé le"), "\($0)")
        }
        XCTAssertEqual(try TierImporter(store: t.store).importTiers(path: path, again: true, by: t.admin).imported, 1)
    }
}
