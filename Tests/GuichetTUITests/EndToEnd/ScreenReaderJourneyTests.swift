import Foundation
import SIMSModel
import XCTest
@testable import GuichetTUI

/// The counter's most common journey (search, record, renewal, receipt) as a braille display or
/// a screen reader follows it: the real binary in tmux on a monochrome terminal (`TERM=vt100`,
/// `NO_COLOR`), read from the pane's plain text (no attributes) and the cursor's position alone.
final class ScreenReaderJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var tmux: TmuxSession?

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as a counter login through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        _ = try JourneyFamily.file(in: guichet)
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    /// The whole line the cursor is on, and the cursor's column in it.
    private func cursorRow(_ tmux: TmuxSession) throws -> (line: String, x: Int) {
        let (x, y) = try tmux.cursor()
        let lines = try tmux.screen().components(separatedBy: "\n")
        return (lines.indices.contains(y) ? lines[y] : "", x)
    }

    /// Sends `key` and waits until the cursor has left the row it was on.
    private func move(_ key: String, in tmux: TmuxSession, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try tmux.cursor()
        try tmux.keys(key)
        try tmux.waitFor("the cursor to leave row \(before.y) after \(key)", file: file, line: line) { _ in
            (try? tmux.cursor().y) != before.y
        }
    }

    func testTheRenewalJourneyReadsFromThePlainTextAndTheCursorAlone() throws {
        let year = CalendarDate.today(now: Date()).year
        var environment = JourneyFamily.environment(guichet, login: "accueil1")
        environment["TERM"] = "vt100"
        environment["NO_COLOR"] = "1"
        let tmux = try TmuxSession([GuichetProcess.executable], environment: environment)
        self.tmux = tmux

        // Home: the cursor on the greeting, not parked at the bottom right.
        try tmux.waitForCursor(on: "Bonjour Marie Gorodey")
        try tmux.keys("F5")

        // Search: typing goes to the query, and so does the cursor.
        try tmux.waitForCursor(on: "")
        try tmux.waitFor("Guichet · Recherche d'un tiers")
        try tmux.type("wamytan")
        try tmux.waitFor("Rechercher : wamytan ")
        try tmux.waitFor("WAMYTAN Léa")
        var row = try cursorRow(tmux)
        XCTAssertTrue(row.line.hasPrefix(" Rechercher : wamytan"), row.line)
        XCTAssertEqual(row.x, DisplayWidth.of(" Rechercher : wamytan"), "just after what was typed")
        // ↓: the cursor on the selected result, which « ▸ » marks in the text.
        try move("Down", in: tmux)
        row = try cursorRow(tmux)
        XCTAssertTrue(row.line.hasPrefix("▸WAMYTAN "), "the second result, marked: \(row.line)")
        XCTAssertEqual(row.x, 1)
        XCTAssertEqual(try tmux.screen().components(separatedBy: "\n").filter { $0.hasPrefix("▸") }.count, 1,
                       "one row marked")
        // A letter: back to the query, whose results are narrowed.
        try tmux.type(" h")
        try tmux.waitFor("the cursor back in the query") { _ in (try? tmux.cursor().y) == 2 }
        try move("Down", in: tmux)
        try tmux.waitForCursor(on: "WAMYTAN Hélène")
        try tmux.keys("Enter")

        // The record: the cursor on its first line, the renewal offered (a returning parent is
        // there for it); ↓ reads the facts that follow.
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        let offer = try tmux.waitForCursor(on: "Renouveler")
        try move("Down", in: tmux)
        try tmux.waitForCursor(on: "Nom de naissance  Wamytan")
        try move("Up", in: tmux)
        try tmux.waitForCursor(on: "Renouveler")
        XCTAssertTrue(offer.hasPrefix("Renouveler"), offer)
        XCTAssertTrue(offer.contains("F11 : RBS pour WAMYTAN Léa, d'après BS-\(year)-000001"), offer)
        try tmux.keys("F11")

        // The renewal: the cursor in the focused field, whose row « ▸ » marks; the help line says
        // in words that its value is selected.
        try tmux.waitFor("reprend BS-\(year)-000001")
        try tmux.waitFor("Valeur sélectionnée : tapez pour la remplacer")
        row = try cursorRow(tmux)
        XCTAssertTrue(row.line.hasPrefix("▸  Adresse*"), row.line)
        XCTAssertTrue(row.line.prefix(row.x).contains("12 rue de Sébastopol"), "the cursor at the value's end: \(row.line)")
        try move("Tab", in: tmux)
        row = try cursorRow(tmux)
        XCTAssertTrue(row.line.hasPrefix("▸  Téléphone"), row.line)
        try tmux.type("784512")
        try move("Tab", in: tmux)
        try tmux.waitFor("Déménagement, naissance")
        row = try cursorRow(tmux)
        XCTAssertTrue(row.line.hasPrefix("▸"), "the next field is marked: \(row.line)")
        try tmux.type("n")
        try tmux.keys("F10")

        // The receipt: the cursor at its heading; the paper is read from the plain text.
        try tmux.waitForCursor(on: "RBS-\(year)-000001 déposé : à remettre au demandeur.")
        let receipt = try tmux.waitFor("RÉCÉPISSÉ DE DÉPÔT")
        XCTAssertTrue(receipt.contains("Dossier n° : RBS-\(year)-000001"), receipt)
        XCTAssertTrue(receipt.contains("Bénéficiaire : WAMYTAN Léa"), receipt)
        try tmux.keys("C-q")
        try tmux.waitFor("the application quits", { _ in (try? tmux.hasExited()) == true })
    }
}
