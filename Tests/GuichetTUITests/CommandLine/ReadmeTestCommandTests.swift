import Foundation
import XCTest

/// The README's test command ends on XCTest's own counts: every test is an XCTest, so Swift
/// Testing's runner, whose « 0 tests in 0 suites » line would close the log, is left out.
final class ReadmeTestCommandTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func testTheReadmeAndCIRunEveryTestWithoutSwiftTestingAndNoTestNeedsIt() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("bash .ci/setup && swift test --disable-swift-testing"), "the README's second command")
        let ci = try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        XCTAssertTrue(ci.contains("swift test --disable-swift-testing"), ci)
        let tests = Self.root.appendingPathComponent("Tests")
        let files = FileManager.default.enumerator(atPath: tests.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let text = try String(contentsOf: tests.appendingPathComponent(file), encoding: .utf8)
            XCTAssertFalse(text.contains("\nimport Testing\n") || text.hasPrefix("import Testing\n"),
                           "\(file) uses Swift Testing: the README's command would skip it")
        }
    }
}
