import Foundation
import SIMSModel
import XCTest

/// `guichet doublons fusionner` and `defaire-fusion` as a superviseur runs them: the redirect seen
/// by `export tier`, `guichet check` sound after each, and a merge killed mid-way leaving nothing.
final class MergeCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "chef", "--name", "Anne Superviseure", "--role", "superviseur"]).status, 0)
        let csv = guichet.write("tiers.csv", """
            type,ref,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone
            personne,1,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,25 12 34
            personne,2,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,78 12 34

            """)
        let imported = try guichet.run(["import", "tiers", csv])
        XCTAssertEqual(imported.status, 0, imported.stderr)
    }

    override func tearDown() { guichet?.remove() }

    private func export(_ id: Int) throws -> (object: [String: Any], stderr: String) {
        let result = try guichet.run(["export", "tier", String(id)])
        XCTAssertEqual(result.status, 0, result.stderr)
        return (try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]), result.stderr)
    }

    private func assertCheckPasses(file: StaticString = #filePath, line: UInt = #line) throws {
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr, file: file, line: line)
        XCTAssertTrue(check.stdout.contains("chaîne intacte"), check.stdout, file: file, line: line)
    }

    private static func json(_ object: Any?) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed]),
               as: UTF8.self)
    }

    func testASuperviseurMergesThenUndoesAndEachRecordIsBackAsBefore() throws {
        let before = [try export(1).object, try export(2).object]
        let merged = try guichet.run(["doublons", "fusionner", "2", "1", "--motif", "même personne, deux imports"], as: "chef")
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(merged.stdout, "Fiche n° 2 fusionnée dans n° 1 (WAMYTAN Hélène) : aucune valeur, relation, pièce ni "
            + "dossier à reprendre. Son historique reste consultable ; la fusion se défait par « guichet doublons defaire-fusion 2 ».\n",
            "n° 1, imported first, is kept; both phones were imported at the same time: the survivor's stays")
        try assertCheckPasses()
        let redirected = try export(2)
        XCTAssertEqual(redirected.stderr, "guichet : Fiche n° 2 fusionnée le \(Self.today) dans n° 1. Export de la fiche n° 1.\n")
        XCTAssertEqual((redirected.object["tiers"] as? [String: Any])?["id"] as? Int, 1)
        let again = try guichet.run(["doublons", "fusionner", "1", "2"], as: "chef")
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "guichet : La fiche n° 2 a déjà été fusionnée dans n° 1 le \(Self.today) par chef : rien à faire.\n")

        let undone = try guichet.run(["doublons", "defaire-fusion", "2"], as: "chef")
        XCTAssertEqual(undone.status, 0, undone.stderr)
        XCTAssertEqual(undone.stdout, "Fusion défaite : n° 2 et n° 1 sont rétablies comme avant la fusion du \(Self.today).\n")
        try assertCheckPasses()
        for (index, id) in [1, 2].enumerated() {
            var after = try export(id).object
            // The survivor takes a new version (merged, then undone): a version never goes back.
            var tier = try XCTUnwrap(after["tiers"] as? [String: Any])
            let versionBefore = try XCTUnwrap((before[index]["tiers"] as? [String: Any])?["version"] as? Int)
            XCTAssertEqual(tier["version"] as? Int, id == 1 ? versionBefore + 2 : versionBefore, "n° \(id)")
            tier["version"] = versionBefore
            after["tiers"] = tier
            for key in ["tiers", "valeurs_actuelles", "historique", "relations", "consultations"] {
                XCTAssertEqual(try Self.json(after[key]), try Self.json(before[index][key]), "n° \(id): \(key)")
            }
            XCTAssertNil(after["fusions"])
            XCTAssertNil(after["redirection"])
        }
    }

    func testBadInputIsRefusedInFrench() throws {
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
        let counter = try guichet.run(["doublons", "fusionner", "1", "2"], as: "accueil1")
        XCTAssertEqual(counter.status, 1)
        XCTAssertTrue(counter.stderr.contains("fusionner deux fiches"), counter.stderr)
        let itself = try guichet.run(["doublons", "fusionner", "1", "1"], as: "chef")
        XCTAssertEqual(itself.stderr, "guichet : Une fiche ne peut pas être fusionnée avec elle-même (n° 1) : donnez deux numéros différents.\n")
        let keep = try guichet.run(["doublons", "fusionner", "1", "2", "--garder", "3"], as: "chef")
        XCTAssertTrue(keep.stderr.contains("--garder doit être l'un des deux numéros (1 ou 2)."), keep.stderr)
        let missing = try guichet.run(["doublons", "fusionner", "1", "9"], as: "chef")
        XCTAssertTrue(missing.stderr.contains("Aucun tiers n° 9"), missing.stderr)
        let nothing = try guichet.run(["doublons", "defaire-fusion", "2"], as: "chef")
        XCTAssertEqual(nothing.stderr, "guichet : La fiche n° 2 n'a été fusionnée avec aucune autre : rien à défaire.\n")
        try assertCheckPasses()
    }

    /// kill -9 while the merge's transaction is open (the command waits there when asked, for this
    /// test): nothing of it is in the store, which stays sound and takes the merge again.
    func testAMergeKilledMidWayLeavesNothing() throws {
        try killMidWay(["doublons", "fusionner", "1", "2"], saying: "fusion en cours")
        try assertCheckPasses()
        let store = try SIMSStore.open(path: guichet.database)
        XCTAssertEqual(try store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier_merge") }, 0)
        XCTAssertEqual(try store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_record WHERE tier_id = 1") }, 1)
        XCTAssertEqual(try TierSearch(store: store).search("wamytan helene").count, 2)
        let merged = try guichet.run(["doublons", "fusionner", "1", "2"], as: "chef")
        XCTAssertEqual(merged.status, 0, merged.stderr)
        try assertCheckPasses()
    }

    /// The same for undoing: the merge still stands, whole.
    func testAnUnmergeKilledMidWayLeavesTheMergeStanding() throws {
        XCTAssertEqual(try guichet.run(["doublons", "fusionner", "1", "2"], as: "chef").status, 0)
        let merged = try export(1).object
        try killMidWay(["doublons", "defaire-fusion", "2"], saying: "défusion en cours")
        try assertCheckPasses()
        let after = try export(1).object
        for key in ["tiers", "valeurs_actuelles", "historique", "relations", "fusions"] {
            XCTAssertEqual(try Self.json(after[key]), try Self.json(merged[key]), key)
        }
        XCTAssertEqual(try guichet.run(["search", "n° 2"], as: "chef").stderr, "guichet : Fiche n° 2 fusionnée le \(Self.today) dans n° 1.\n")
        let undone = try guichet.run(["doublons", "defaire-fusion", "2"], as: "chef")
        XCTAssertEqual(undone.status, 0, undone.stderr)
        try assertCheckPasses()
    }

    /// Runs `arguments` as chef, waiting inside the transaction, and kills it with SIGKILL once it says `what`.
    private func killMidWay(_ arguments: [String], saying what: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: GuichetProcess.executable)
        process.arguments = arguments + ["--pause-avant-validation", "60000"]
        var environment = ProcessInfo.processInfo.environment
        environment["GUICHET_DB"] = guichet.database
        environment["GUICHET_LOGIN"] = "chef"
        environment["XDG_DATA_HOME"] = guichet.directory + "/data"
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var said = Data()
        let deadline = Date().addingTimeInterval(30)
        while !String(decoding: said, as: UTF8.self).contains(what), Date() < deadline {
            said += err.fileHandleForReading.availableData
        }
        XCTAssertTrue(String(decoding: said, as: UTF8.self).contains(what), "the command did not reach its transaction")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
    }

    /// Today in Nouméa, as the messages write it.
    private static var today: String {
        String(Timestamp.french(Timestamp.string(from: Date())).prefix(10))
    }
}
