import XCTest
import SIMSModel
@testable import GuichetTUI

/// Hints never lie: on every screen, each key that the function-key bar or the help (F1) shows
/// does something there. Each key is pressed on a fresh copy of the screen, in a state where a
/// move or an edit can be seen (a line selected below the first, a cursor inside typed text);
/// a key that leaves the screen (its text and styles: a selection moved), the stack and the cursor
/// as they were fails.
final class ScreenHintsTests: XCTestCase {
    private static let threeNamesakes: [(TierKind, [TierField: String])] = [
        (.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .commune: "Nouméa", .postalCode: "98800"]),
        (.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .commune: "Dumbéa", .postalCode: "98835"]),
        (.person, [.birthName: "Wamytan", .givenNames: "Helene", .birthDate: "14/03/1985", .commune: "Païta", .postalCode: "98890"]),
    ]

    /// Presses each key shown on the screen that `open` leads to, each time on a new harness.
    private func assertEveryShownKeyIsHandled(_ name: String, file: StaticString = #filePath, line: UInt = #line,
                                              _ open: () throws -> ScreenHarness) throws {
        let probe = try open()
        let top = probe.app.top
        let bar = probe.session.functionKeyBar(for: top.context).keeping(top.shownActions).visibleBindings(width: 80)
        let help = HelpScreenContent(keymap: probe.session.keymap, context: top.context, shown: top.shownActions).bindings
        let shown = (bar + help).filter { !Application.ownActions.contains($0.action) }
        let keys = Array(Set(shown.map(\.key))).sorted()
        XCTAssertFalse(keys.isEmpty, "\(name): no key shown", file: file, line: line)
        for key in keys {
            let h = try open()
            h.session.message = nil
            h.app.renderFrame()
            let before = h.screen, cells = h.terminal.screen, cursor = h.terminal.cursor, depth = h.app.stack.count
            let screen = h.app.top
            let running = h.press(.key(key.key, modifiers: key.modifiers))
            let changed = !running || h.app.stack.count != depth || h.app.top !== screen || h.terminal.screen != cells
                || h.terminal.cursor != cursor
            let action = shown.first { $0.key == key }?.action.name ?? "?"
            XCTAssertTrue(changed, "\(name): \(key.displayName) (\(action)) is shown but does nothing\n\(before)\n\(h.screen)",
                          file: file, line: line)
        }
    }

    private func record(_ h: ScreenHarness) throws {
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.press(.down)
    }

    func testHomeAndSearch() throws {
        try assertEveryShownKeyIsHandled("accueil") { try ScreenHarness() }
        try assertEveryShownKeyIsHandled("recherche") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            h.press(.character("r"))
            h.type("wamytan")
            h.press(.down, .left, .left)
            return h
        }
    }

    func testTierForm() throws {
        try assertEveryShownKeyIsHandled("nouvelle personne") {
            let h = try ScreenHarness()
            h.press(.character("p"))
            h.type("abc def")
            h.press(.left, .left)
            return h
        }
        try assertEveryShownKeyIsHandled("nouvelle personne, trois fiches proches") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            h.press(.character("p"))
            h.type("Wamytan")
            h.press(.tab, .tab)
            h.type("Hélène")
            h.press(.tab, .tab)
            h.type("14/03/1985")
            h.press(.tab, .function(8))
            h.type("abc def")
            h.press(.left, .left)
            return h
        }
        try assertEveryShownKeyIsHandled("question du doublon probable") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            h.press(.character("p"))
            h.type("Wamytan")
            h.press(.tab, .tab)
            h.type("Hélène")
            h.press(.tab, .tab)
            h.type("14/03/1985")
            h.press(.tab, .function(10))
            XCTAssertTrue(h.screen.contains("Doublon probable"), h.screen)
            return h
        }
    }

    func testRecordItsPromptItsHistoryAndHelp() throws {
        try assertEveryShownKeyIsHandled("fiche") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try record(h)
            return h
        }
        try assertEveryShownKeyIsHandled("fiche, motif de limitation") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try record(h)
            h.press(.ctrl("r"))
            h.type("abc def")
            h.press(.left, .left)
            return h
        }
        try assertEveryShownKeyIsHandled("historique d'un champ") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try record(h)
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Historique"), h.line(0))
            return h
        }
        try assertEveryShownKeyIsHandled("aide de la fiche") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try record(h)
            h.press(.function(1), .down)
            return h
        }
    }

    func testInactiveTiersWhenNoneIsInactive() throws {
        try assertEveryShownKeyIsHandled("fiches inactives, liste vide") {
            let h = try ScreenHarness()
            h.app.open(InactiveTierScreen(session: h.session, period: try InactivityPeriod(years: 5)))
            return h
        }
    }
}
