import XCTest
@testable import SIMSModel

/// Text from files reaches the terminal with its control characters escaped and shortened.
final class ShownTextTests: XCTestCase {
    func testEscapeSequencesAndInvisibleCharactersAreWrittenAsEscapes() {
        XCTAssertEqual(ShownText.escaped("nom\u{1B}[2J\u{07}"), "nom\\x1B[2J\\x07")
        XCTAssertEqual(ShownText.escaped("a\tb\r\nc\u{7F}\u{9B}"), "a\\x09b\\x0D\\x0Ac\\x7F\\x9B")
        XCTAssertEqual(ShownText.escaped("abc\u{202E}fed\u{2028}"), "abc\\u{202E}fed\\u{2028}")
        XCTAssertEqual(ShownText.escaped("Hélène Kaloï N'Guyen"), "Hélène Kaloï N'Guyen")
    }

    func testLongValuesAreShortenedWithAnEllipsis() {
        XCTAssertEqual(ShownText.escaped(String(repeating: "a", count: 10), limit: 10), "aaaaaaaaaa")
        XCTAssertEqual(ShownText.escaped(String(repeating: "a", count: 11), limit: 10), "aaaaaaaaa…")
        XCTAssertEqual(ShownText.quoted(String(repeating: "é", count: 4_000)).count, 64)
        XCTAssertEqual(ShownText.escaped(String(repeating: "\u{1B}", count: 30), limit: 10), "\\x1B\\x1B…")
    }

    func testAProcedureFileShowsItsValuesEscapedAndATooLargeFileIsRefusedWithItsSize() throws {
        let folder = try ProcedureFixture.temporaryDirectory()
        defer { ProcedureFixture.remove(folder) }
        try ProcedureFixture.write(ProcedureFixture.editing(3, "demandeur: \"pers\\e]0;titre\\aonne\""), "a.yaml", in: folder)
        try ProcedureFixture.write("# " + String(repeating: "x", count: 2 * 1024 * 1024) + "\n", "b.yaml", in: folder)
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: folder)) { error in
            let lines = (error as? ProcedureCatalogError)?.errors.map(\.description) ?? []
            XCTAssertEqual(lines.count, 2, "\(lines)")
            XCTAssertTrue(lines[0].contains("« pers\\x1B]0;titre\\x07onne »"), lines[0])
            XCTAssertFalse(lines.joined().unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
            XCTAssertEqual(lines[1], "procedures/b.yaml : fichier trop gros : 2 Mo, 1 Mo au plus pour une démarche ; "
                + "est-ce bien une fiche de démarche ?")
        }
    }

    func testSizesInFrench() {
        XCTAssertEqual(FileSize.french(812), "812 octets")
        XCTAssertEqual(FileSize.french(64 * 1024), "64 ko")
        XCTAssertEqual(FileSize.french(62_000_000), "59,1 Mo")
    }
}
