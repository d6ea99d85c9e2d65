import GRDB
import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Last year's school grants of the demo families, to renew at the demo counter.
final class DemoDossiersTests: XCTestCase {
    func testDemoFamiliesHaveLastYearsGrantAndPiecesToRenew() throws {
        let test = try TestStore()
        defer { test.remove() }
        try DemoLoader(store: test.store).load(count: 1_500, seed: 1, by: test.admin)
        let added = try DemoDossiers.add(to: test.store, grant: TestProcedures.schoolGrant, families: 6, by: test.counter,
                                         now: TestStore.now)
        XCTAssertEqual(added, 6)
        let grants = try test.store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT applicant_id, beneficiary_id, number, submitted_at FROM dossier WHERE state = 'depose' ORDER BY id")
        }
        XCTAssertEqual(grants.count, 6)
        XCTAssertEqual(grants.first?["number"] as String?, "BS-2025-000001", "dated one year back")
        XCTAssertTrue((grants.first?["submitted_at"] as String?)?.hasPrefix("2025-11") == true)
        XCTAssertEqual(Set(grants.map { $0["applicant_id"] as Int64 }).count, 6, "one family each")

        let parent: Int64 = grants[0]["applicant_id"], child: Int64 = grants[0]["beneficiary_id"]
        let renewal = try DossierService(store: test.store).start(TestProcedures.renewal, applicantID: parent,
                                                                  beneficiaryID: child, by: test.counter)
        XCTAssertEqual(renewal.previous?.number, "BS-2025-000001")
        XCTAssertEqual(renewal.prefill["classe"]?.origin, .previousDossier("BS-2025-000001"))
        let offered = Dictionary(uniqueKeysWithValues: renewal.checks.map { ($0.requirement.key, $0.reusable.count) })
        XCTAssertEqual(offered["identite"], 1, "the parent's identity document is on file")
        XCTAssertEqual(offered["scolarite"], 0, "last year's school certificate is too old")
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
    }
}
