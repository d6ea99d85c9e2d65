import Foundation
import XCTest

/// `guichet bench import` on a small file, end to end: the import and `sqlite3 .import` run in
/// turn, their medians compared, the stores removed and the generated file kept.
final class BenchImportCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws { guichet = try GuichetProcess() }

    override func tearDown() { guichet?.remove() }

    func testSmallRunComparesMediansOfAlternatedRuns() throws {
        let workdir = guichet.directory + "/bench"
        let result = try guichet.run(["bench", "import", "--rows", "400", "--repetitions", "3", "--workdir", workdir, "--json"],
                                     as: "banc")
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double],
                                   result.stdout)
        XCTAssertEqual(object["rows_imported"], 400)
        XCTAssertEqual(object["rows_rejected"], 0)
        XCTAssertEqual(object["repetitions"], 3)
        let seconds = try XCTUnwrap(object["seconds"]), baseline = try XCTUnwrap(object["baseline_seconds"])
        XCTAssertGreaterThan(baseline, 0)
        // The figures are printed to the millisecond: the ratio is the quotient of the unrounded ones.
        XCTAssertEqual(try XCTUnwrap(object["ratio"]), seconds / baseline, accuracy: 0.1 * seconds / baseline)
        XCTAssertLessThanOrEqual(try XCTUnwrap(object["seconds_min"]), seconds)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(object["seconds_max"]), seconds)
        XCTAssertLessThanOrEqual(try XCTUnwrap(object["baseline_seconds_min"]), baseline)
        let kept = try FileManager.default.contentsOfDirectory(atPath: workdir).sorted()
        XCTAssertTrue(kept.contains("import-400-1.csv"), "the generated file is kept for the next run: \(kept)")
        XCTAssertEqual(kept.filter { $0.hasSuffix(".sqlite") || $0.contains(".sqlite-") }, [], "the stores are removed")
    }

    func testNoRepetitionIsRefusedWithTheFix() throws {
        let result = try guichet.run(["bench", "import", "--rows", "10", "--repetitions", "0",
                                      "--workdir", guichet.directory + "/bench"], as: "banc")
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--repetitions doit valoir au moins 1"), result.stderr)
    }
}
