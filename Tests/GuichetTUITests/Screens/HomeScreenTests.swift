import XCTest
import SIMSModel
@testable import GuichetTUI

final class HomeScreenTests: XCTestCase {
    func testTheHomeScreenSaysWhoIsLoggedInAndWhatToDo() throws {
        let h = try ScreenHarness()
        XCTAssertEqual(h.screen, """
             Guichet · Accueil                                   Marie Gorodey · 29/11/2026

              Bonjour Marie Gorodey (mgorodey)
              Rôles : agent d'accueil, superviseur
              Services : DPASS

              Que voulez-vous faire ?
                F5 ou r           Rechercher un tiers
                F2 ou p           Nouvelle personne
                F4 ou o           Nouvelle organisation
                F9 ou d           Nouveau dossier (chercher le demandeur)
                F10 ou c          Démarches et fiches pratiques
                a                 Arrivées des scanners réseau
                F11 ou f          Files d'instruction (prendre le suivant)
                t                 Tableau de bord des files
                D                 Doublons probables à revoir (aucune paire)
                i                 Fiches inactives à effacer ou conserver
                F1                Aide
                F3 ou q           Quitter

              Aucune saisie en attente.


            F1Aide  F2Personne  F3Quitter  F4Organis.  F5Cherche  F6Brouill.  F9Dossier
            """)
    }

    func testMoreDraftsThanRowsAreSaidAndScrolledNotCutSilently() throws {
        let h = try ScreenHarness()
        let drafts = DraftStore(store: h.store)
        for name in ["Wamytan", "Gorodey", "Kaloï"] {
            try drafts.save(TierDraft(agentID: h.agent.id, kind: .person, values: [.birthName: name]))
        }
        h.app.open(HomeScreen(session: h.session))   // as at the next start
        XCTAssertEqual(h.session.message?.text, "Vous avez 3 saisies non enregistrées : Entrée pour reprendre la première.")
        h.app.renderFrame()
        XCTAssertEqual(h.line(20).trimmingCharacters(in: .whitespaces), "Saisies non enregistrées (3 ; ↑/↓ pour les parcourir) :")
        var seen: [String] = []
        for _ in 0..<3 {
            seen.append(h.line(21).trimmingCharacters(in: .whitespaces))
            h.press(.down)
        }
        for name in ["WAMYTAN", "GORODEY", "KALOÏ"] {
            XCTAssertTrue(seen.contains { $0.contains(name) }, "each draft can be reached: \(seen)")
        }
        XCTAssertTrue(h.line(23).contains("F6Brouill."), h.line(23))
    }

    func testHelpIsGeneratedFromTheKeymapAndClosesWithF3() throws {
        let h = try ScreenHarness()
        h.press(.function(1))
        XCTAssertTrue(h.line(0).contains("Aide — Accueil"))
        XCTAssertTrue(h.screen.contains("F5       Rechercher un tiers") || h.screen.contains("F5"), h.screen)
        XCTAssertTrue(h.screen.contains("rechercher un tiers"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Accueil"))
        XCTAssertFalse(h.line(0).contains("Aide"))
    }

    func testQuitKeysStopTheApplication() throws {
        XCTAssertFalse(try ScreenHarness().press(.character("q")))
        XCTAssertFalse(try ScreenHarness().press(.function(3)))
        XCTAssertFalse(try ScreenHarness().press(.ctrl("q")))
    }

    func testATooSmallTerminalSaysSoAndComesBack() throws {
        let h = try ScreenHarness()
        h.terminal.size = TerminalSize(columns: 60, rows: 20)
        h.press(.resize)
        XCTAssertTrue(h.screen.contains("Terminal trop petit : 60×20."), h.screen)
        XCTAssertTrue(h.screen.contains("Agrandissez la fenêtre à au moins 80×24."))
        h.press(.character("r")) // ignored while too small
        h.terminal.size = TerminalSize(columns: 80, rows: 24)
        h.press(.resize)
        XCTAssertTrue(h.line(0).contains("Accueil"), h.screen)
    }

    func testAWiderTerminalGetsAWiderLayout() throws {
        let h = try ScreenHarness()
        h.terminal.size = TerminalSize(columns: 120, rows: 30)
        h.press(.resize)
        XCTAssertEqual(h.terminal.screenLines.count, 30)
        XCTAssertTrue(h.line(0).hasSuffix("Marie Gorodey · 29/11/2026 "), h.line(0))
        XCTAssertTrue(h.line(29).hasPrefix("F1Aide"))
    }

    /// Without a list, the cursor is at the start of the greeting, not parked bottom right; with
    /// drafts, on the selected one (Entrée opens it), « ▸ » saying it in the text.
    func testTheCursorIsOnTheGreetingOrOnTheSelectedDraft() throws {
        let h = try ScreenHarness()
        XCTAssertEqual(h.cursor, CursorPosition(x: 2, y: 2))
        XCTAssertTrue(h.cursorText.hasPrefix("Bonjour Marie Gorodey"), h.cursorText)
        XCTAssertEqual(h.markedRows, [])
        let drafts = DraftStore(store: h.store)
        for name in ["Wamytan", "Gorodey"] {
            try drafts.save(TierDraft(agentID: h.agent.id, kind: .person, values: [.birthName: name]))
        }
        h.app.open(HomeScreen(session: h.session))
        h.app.renderFrame()
        // One row is left for the drafts: it shows the selected one, « ▸ » and the cursor on it.
        h.assertSelection(row: 21, reads: " ")
        let first = h.line(21)
        h.press(.down)
        h.assertSelection(row: 21, reads: " ")
        XCTAssertNotEqual(h.line(21), first, "the next draft")
        h.press(.up)
        h.assertSelection(row: 21, reads: " ")
        XCTAssertEqual(h.line(21), first)
    }
}
