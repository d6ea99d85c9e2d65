import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// The demo store of the README's first command.
final class DemoStoreTests: XCTestCase {
    func testTheDemoStoreHasTiersAnAgentWithEveryRoleAndGrantsToRenew() throws {
        let directory = NSTemporaryDirectory() + "guichet-demo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let catalog = try ProcedureCatalog.load(directory: IntakeHarness.proceduresDirectory)
        let path = directory + "/demo.sqlite"
        let store = try DemoStore.openOrCreate(path: path, tiers: 2_000, login: "demo", catalog: catalog)
        let agent = try AgentService(store: store).authenticate(login: "demo")
        XCTAssertEqual(agent.roles, Set(Role.allCases))
        XCTAssertEqual(try store.summary().persons + store.summary().organisations, 2_000)
        let grants = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE procedure_code = 'BS'") }
        XCTAssertEqual(grants, 20, "one family in a hundred tiers has last year's school grant")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + ".creation"))
        XCTAssertNil(try ChainVerifier.verify(store).firstBreak)

        // Opening it again does not create anything.
        let again = try DemoStore.openOrCreate(path: path, tiers: 2_000, login: "demo", catalog: catalog)
        XCTAssertEqual(try again.summary().persons + again.summary().organisations, 2_000)
    }

    func testAFailedCreationLeavesNothingBehind() throws {
        let directory = NSTemporaryDirectory() + "guichet-demo-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
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
