import Foundation
@testable import guichet
@testable import GuichetCommandLine
@testable import GuichetTUI
import SIMSModel
import XCTest

/// `guichet procedures list|check|show`: the arguments, then the real binary (no store needed).
final class ProceduresCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws { guichet = try GuichetProcess() }
    override func tearDown() { guichet?.remove() }

    private static var shipped: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("procedures")
    }

    /// Copies the shipped procedures into `procedures/` of the process's working folder.
    private func copyShipped() throws {
        try FileManager.default.copyItem(atPath: Self.shipped.path, toPath: guichet.directory + "/procedures")
    }

    // MARK: Arguments

    func testTheSubcommandsParse() throws {
        let show = try XCTUnwrap(GuichetCommand.parseAsRoot(["procedures", "show", "BS", "--procedures", "/srv/d"]) as? ProceduresShowCommand)
        XCTAssertEqual(show.code, "BS")
        XCTAssertEqual(show.options.directory.path, "/srv/d")
        let check = try ProceduresCheckCommand.parse(["/srv/d"])
        XCTAssertEqual(check.directory, "/srv/d")
        XCTAssertNil(try ProceduresCheckCommand.parse([]).directory)
        let list = try XCTUnwrap(GuichetCommand.parseAsRoot(["procedures", "list", "bourse", "scolaire"]) as? ProceduresListCommand)
        XCTAssertEqual(list.query, ["bourse", "scolaire"])
        XCTAssertNil(list.options.procedures)
        XCTAssertTrue(try GuichetCommand.parseAsRoot(["procedures"]) is ProceduresListCommand)
        XCTAssertThrowsError(try GuichetCommand.parseAsRoot(["procedures", "show"]))
    }

    func testTheShownFolderIsRelativeToTheCurrentDirectory() {
        XCTAssertEqual(ProcedureOptions.shown(URL(fileURLWithPath: "/work/procedures"), currentDirectory: "/work"), "procedures/")
        XCTAssertEqual(ProcedureOptions.shown(URL(fileURLWithPath: "/srv/d"), currentDirectory: "/work"), "/srv/d/")
        XCTAssertEqual(ProceduresCheckCommand.summary(count: 5, shown: "procedures/"), "5 démarches valides dans procedures/")
        XCTAssertEqual(ProceduresCheckCommand.summary(count: 1, shown: "d/"), "1 démarche valide dans d/")
    }

    // MARK: The binary

    func testCheckCountsTheValidProcedures() throws {
        try copyShipped()
        let checked = try guichet.run(["procedures", "check", "procedures"])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertEqual(checked.stdout, "5 démarches valides dans procedures/\n")
        let byDefault = try guichet.run(["procedures", "check"])
        XCTAssertEqual(byDefault.stdout, "5 démarches valides dans procedures/\n", byDefault.stderr)
    }

    func testCheckPrintsEveryErrorOnALineAndFails() throws {
        try FileManager.default.createDirectory(atPath: guichet.directory + "/d", withIntermediateDirectories: false)
        let good = try String(contentsOf: Self.shipped.appendingPathComponent("bourse-scolaire.yaml"), encoding: .utf8)
        _ = guichet.write("d/a.yaml", good.replacingOccurrences(of: "delai_jours: 45", with: "delai_jours: 450"))
        _ = guichet.write("d/b.yaml", good.replacingOccurrences(of: "    type: oui_non", with: "    type: nombr"))
        let checked = try guichet.run(["procedures", "check", "d"])
        XCTAssertEqual(checked.status, 1)
        XCTAssertEqual(checked.stdout, "")
        let lines = checked.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 3, checked.stderr)
        XCTAssertTrue(lines[0].hasPrefix("d/a.yaml, ligne "), lines[0])
        XCTAssertTrue(lines[0].contains(", champ « delai_jours » : 450 est hors limites"), lines[0])
        XCTAssertTrue(lines[1].contains("d/b.yaml, ligne "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(", champ « champs[21].type » : type inconnu « nombr » "
            + "(attendu : texte, date, entier, montant, choix, oui_non)."), lines[1])
        XCTAssertEqual(lines[2], "guichet : 2 erreurs dans les démarches de d/ : corrigez-les, puis relancez « guichet procedures check ».")
    }

    func testAMissingFolderIsNamed() throws {
        let checked = try guichet.run(["procedures", "list"])
        XCTAssertEqual(checked.status, 1)
        XCTAssertTrue(checked.stderr.hasPrefix(guichet.directory + "/data/guichet/procedures : dossier des démarches introuvable"),
                      checked.stderr)
    }

    func testListAndShow() throws {
        try copyShipped()
        let listed = try guichet.run(["procedures", "list"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertEqual(listed.stdout.split(separator: "\n").count, 5)
        XCTAssertTrue(listed.stdout.contains("BS\tDemande de bourse scolaire\t2 niveaux\t45 jours\n"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("IS\tDemande d'inscription scolaire\t1 niveau\t30 jours\n"), listed.stdout)
        let found = try guichet.run(["procedures", "list", "debit"])
        XCTAssertEqual(found.stdout, "LDB\tDemande de licence de débit de boissons\t2 niveaux\t60 jours\n")
        let none = try guichet.run(["procedures", "list", "xylophone"])
        XCTAssertEqual(none.stdout, "Aucune démarche ne correspond à « xylophone ».\n")

        let shown = try guichet.run(["procedures", "show", "bs", "--procedures", Self.shipped.path])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        let catalog = try ProcedureCatalog.load(directory: Self.shipped)
        XCTAssertEqual(shown.stdout, ProcedureSheetText.render(try XCTUnwrap(catalog.procedure(code: "BS"))))
        let unknown = try guichet.run(["procedures", "show", "XX"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr, "guichet : aucune démarche de code « XX » dans procedures/ (codes : BES, BS, IS, LDB, RBS).\n")
    }
}
