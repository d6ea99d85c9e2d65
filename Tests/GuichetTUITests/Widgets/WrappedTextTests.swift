import XCTest
@testable import GuichetTUI

/// Text wrapped for the screens: French quotes and high punctuation stay with their word.
final class WrappedTextTests: XCTestCase {
    func testAQuoteStaysWithItsWordsWhenALineWraps() {
        let text = "F2       Prendre : prendre le plus ancien dossier déposé non attribué (« prendre le suivant »)"
        let lines = WrappedText.lines(text, width: 72, hanging: 9)
        XCTAssertEqual(lines, ["F2       Prendre : prendre le plus ancien dossier déposé non attribué",
                               "         (« prendre le suivant »)"])
        XCTAssertFalse(WrappedText.lines("le motif est « trop court » : corrigez-le", width: 20).contains { $0.hasPrefix(":") },
                       "a colon stays after its word")
    }
}
