import GRDB
import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// The bench store of dossiers: the schema and tallies of a real store, an intact audit chain,
/// the review's mix of states, and rows written as the services write them.
final class BenchDossierGeneratorTests: XCTestCase {
    var test: TestStore!

    override func setUpWithError() throws { test = try TestStore() }

    override func tearDown() { test.remove() }

    func testAGeneratedStoreIsAStoreLikeAnyOther() throws {
        let summary = try BenchDossierGenerator(store: test.store, dossiers: 3_000, tiers: 2_000, seed: 7)
            .generate(now: TestStore.now, by: test.admin)
        XCTAssertEqual(summary.dossiers, 3_000)
        for state in QueueStateScope.openStates + QueueStateScope.decidedStates {
            XCTAssertGreaterThan(summary.states[state] ?? 0, 0, "\(state) present")
        }
        let decided = QueueStateScope.decidedStates.reduce(0) { $0 + (summary.states[$1] ?? 0) }
        XCTAssertGreaterThan(decided, 2_500, "most dossiers are decided")
        XCTAssertGreaterThan(summary.overdue, 0)

        // The audit chain goes on, and the next « prendre le suivant » follows it.
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
        let instructor = try AgentService(store: test.store).authenticate(login: "bench.instr01")
        XCTAssertNotNil(try WorkflowService(store: test.store).takeNext(by: instructor))
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)

        // The dashboard's tallies are those the triggers keep.
        let dashboard = DashboardService(store: test.store)
        XCTAssertEqual(try dashboard.figures(now: TestStore.now), try dashboard.baselineFigures(now: TestStore.now))

        // The same schema as a fresh store (indexes and triggers set aside during the load are back).
        let fresh = try TestStore()
        defer { fresh.remove() }
        let schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        XCTAssertEqual(try test.store.sqlitePool.read { try Row.fetchAll($0, sql: schema) },
                       try fresh.store.sqlitePool.read { try Row.fetchAll($0, sql: schema) })

        try test.store.sqlitePool.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(DISTINCT tracking_code) FROM dossier"), 3_000)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE submitted_at > ?",
                                            arguments: [Timestamp.string(from: TestStore.now)]), 0, "nothing in the future")
            for at in try String.fetchAll(db, sql: "SELECT submitted_at FROM dossier WHERE id % 97 = 0 UNION ALL SELECT at FROM event WHERE id % 301 = 0") {
                XCTAssertEqual(Timestamp.date(from: at).map(Timestamp.string(from:)), at, "written as Timestamp writes")
            }
            for payload in try String.fetchAll(db, sql: "SELECT payload FROM event WHERE kind LIKE 'dossier.%' AND id % 13 = 0")
                + String.fetchAll(db, sql: "SELECT answers FROM dossier WHERE id % 13 = 0") {
                XCTAssertEqual(FlatJSON.decode(payload).map { FlatJSON.encode($0.compactMapValues { $0 }) }, payload)
            }
            let last = try Row.fetchOne(db, sql: "SELECT prefix, year, last FROM dossier_number ORDER BY year DESC, last DESC LIMIT 1")!
            let prefix = "\(last["prefix"] as String)-\(last["year"] as Int)-"
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE number LIKE ? || '%'", arguments: [prefix]),
                           last["last"], "the next number follows the generated ones")
        }
    }
}
