import Foundation
import XCTest

/// `guichet bench queues` on a small store, end to end: one JSON object with the keys,
/// keyset and OFFSET pages alike, the dashboard equal to its baseline, and no double claim.
final class BenchQueuesCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws { guichet = try GuichetProcess() }

    override func tearDown() { guichet?.remove() }

    func testSmallRunGivesTheFiguresAndNoDoubleClaim() throws {
        let result = try guichet.run(["bench", "queues", "--dossiers", "3000", "--claims", "100", "--rounds", "1",
                                      "--workdir", guichet.directory + "/bench", "--json"],
                                     as: "banc")
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double],
                                   result.stdout)
        for key in ["page_p99_ms", "offset_page_p99_ms", "dashboard_ms", "baseline_dashboard_ms", "double_claims"] {
            XCTAssertNotNil(object[key], "\(key) in \(result.stdout)")
        }
        XCTAssertEqual(object["dossiers"], 3000)
        XCTAssertEqual(object["double_claims"], 0)
        XCTAssertEqual(object["claims_total"], 800, "8 processes × 100, from a queue holding more")
        XCTAssertEqual(object["claim_failures"], 0, result.stderr)
        XCTAssertEqual(object["page_mismatches"], 0, result.stderr)
        XCTAssertEqual(object["dashboard_equal"], 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("ouverts par échéance"), result.stderr)
        let kept = try FileManager.default.contentsOfDirectory(atPath: guichet.directory + "/bench")
        XCTAssertTrue(kept.contains("queues-3000-1.sqlite.ready"), "the store is kept for the next run: \(kept)")
        XCTAssertEqual(kept.filter { $0.contains("claims") }, [], "the race's store is removed")
    }
}
