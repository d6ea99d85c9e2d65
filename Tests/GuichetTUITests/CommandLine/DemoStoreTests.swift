import Foundation
import GRDB
@testable import guichet
@testable import GuichetTUI
import SIMSModel
import XCTest

/// The demo store of the README's first command.
final class DemoStoreTests: XCTestCase {
    func testTheDemoStoreHasTiersAnAgentWithEveryRoleAndGrantsToRenew() throws {
        let directory = try TemporaryFolder.make("guichet-demo-")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try ProcedureCatalog.load(directory: IntakeHarness.proceduresDirectory)
        let path = directory + "/demo.sqlite"
        let store = try DemoStore.openOrCreate(path: path, tiers: 2_000, login: "demo", catalog: catalog)
        let agent = try AgentService(store: store).authenticate(login: "demo")
        XCTAssertEqual(agent.roles, Set(Role.allCases))
        XCTAssertEqual(try store.summary().persons + store.summary().organisations, 2_000)
        // Last year's grants (submitted a year ago) and this year's (the last 45 days), by state.
        let grants = try store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT julianday('now') - julianday(submitted_at) < 100 AS recent, state, count(*) AS n
                FROM dossier WHERE procedure_code = 'BS' GROUP BY 1, 2
                """).reduce(into: [String: Int]()) { $0["\($1["recent"] as Bool ? "recent" : "last year") \($1["state"] as String)"] = $1["n"] }
        }
        XCTAssertEqual(grants["last year accepte", default: 0] + grants["last year refuse", default: 0], 20,
                       "one family in a hundred tiers had last year's school grant, decided: \(grants)")
        XCTAssertEqual(grants.filter { $0.key.hasPrefix("recent ") }.values.reduce(0, +), 20, "\(grants)")
        for state in ["depose", "en_instruction", "attente_pieces", "a_valider", "accepte"] {
            XCTAssertGreaterThan(grants["recent \(state)", default: 0], 0, "this year's grants at every stage: \(grants)")
        }
        let team = try AgentService(store: store).list().map(\.login)
        XCTAssertTrue(team.contains("demo-atein"), "\(team)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".creation"))
        XCTAssertNil(try ChainVerifier.verify(store).firstBreak)

        // Opening it again does not create anything.
        let again = try DemoStore.openOrCreate(path: path, tiers: 2_000, login: "demo", catalog: catalog)
        XCTAssertEqual(try again.summary().persons + again.summary().organisations, 2_000)
    }

    func testAFailedCreationLeavesNothingBehind() throws {
        let directory = try TemporaryFolder.make("guichet-demo-")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/demo.sqlite"
        // A school grant wrongly declared for organisations: the first demo dossier is refused.
        var broken = try XCTUnwrap(try ProcedureCatalog.load(directory: IntakeHarness.proceduresDirectory).procedure(code: "BS"))
        broken.applicantKind = .organisation
        XCTAssertThrowsError(try DemoStore.openOrCreate(path: path, tiers: 2_000, login: "demo",
                                                        catalog: ProcedureCatalog(procedures: [broken])))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), [],
                       "the next start creates the demo store again instead of opening a half-made one")
    }
}
