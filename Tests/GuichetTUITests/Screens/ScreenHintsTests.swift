import XCTest
import SIMSModel
@testable import GuichetTUI

/// Hints never lie: on every screen, each key that the function-key bar or the help (F1) shows
/// does something there. Each key is pressed on a fresh copy of the screen, in a state where a
/// move or an edit can be seen (a move back after a move forward, an edit inside typed text);
/// a key that leaves the screen (its text and styles: a selection moved), the stack and the cursor
/// as they were fails.
final class ScreenHintsTests: XCTestCase {
    private static let threeNamesakes: [(TierKind, [TierField: String])] = [
        (.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .commune: "Nouméa", .postalCode: "98800"]),
        (.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .commune: "Dumbéa", .postalCode: "98835"]),
        (.person, [.birthName: "Wamytan", .givenNames: "Helene", .birthDate: "14/03/1985", .commune: "Païta", .postalCode: "98890"]),
    ]

    /// The move forward that comes before trying a move back.
    private static let forward: [KeyAction: KeyAction] = [
        .lignePrecedente: .ligneSuivante, .pagePrecedente: .pageSuivante, .colonnePrecedente: .colonneSuivante,
        .champPrecedent: .champSuivant, .doublonPrecedent: .doublonSuivant, .dossierPrecedent: .dossierSuivant,
    ]

    /// Presses each key shown on the screen that `open` leads to, each time on a new harness.
    private func assertEveryShownKeyIsHandled<Harness: KeyDrivenHarness>(
        _ name: String, file: StaticString = #filePath, line: UInt = #line, _ open: () throws -> Harness
    ) throws {
        let probe = try open()
        probe.app.renderFrame()
        let top = probe.app.top
        let bar = probe.app.session.functionKeyBar(for: top.context).keeping(top.shownActions).visibleBindings(width: 80)
        let help = HelpScreenContent(keymap: probe.app.session.keymap, context: top.context, shown: top.shownActions).bindings
        let shown = (bar + help).filter { !Application.ownActions.contains($0.action) }
        let keys = Array(Set(shown.map(\.key))).sorted()
        XCTAssertFalse(keys.isEmpty, "\(name): no key shown", file: file, line: line)
        for key in keys {
            let h = try open()
            h.app.renderFrame()   // as the main loop does before any key: a screen learns its rows when drawn
            // A move back is tried after a move forward, so that it has somewhere to go.
            let action = shown.first { $0.key == key }?.action
            if let forward = action.flatMap({ Self.forward[$0] }),
               let forwardKey = h.app.session.keymap.keys(for: forward, in: top.context).first {
                h.press(.key(forwardKey.key, modifiers: forwardKey.modifiers))
            }
            // A field-editing key is tried inside typed text, where each one can be seen.
            if let action, TextField.editingActions.contains(action) {
                h.type("abc def")
                h.press(.left, .left)
            }
            h.app.session.message = nil
            h.app.renderFrame()
            let before = h.screen, cells = h.terminal.screen, cursor = h.terminal.cursor, depth = h.app.stack.count
            let screen = h.app.top
            let running = h.press(.key(key.key, modifiers: key.modifiers))
            let changed = !running || h.app.stack.count != depth || h.app.top !== screen || h.terminal.screen != cells
                || h.terminal.cursor != cursor
            XCTAssertTrue(changed, "\(name): \(key.displayName) (\(action?.name ?? "?")) is shown but does nothing\n\(before)\n\(h.screen)",
                          file: file, line: line)
        }
    }

    private func record(_ h: ScreenHarness) throws {
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.app.renderFrame()
    }

    func testHomeAndSearch() throws {
        try assertEveryShownKeyIsHandled("accueil") { try ScreenHarness() }
        try assertEveryShownKeyIsHandled("recherche") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            h.press(.character("r"))
            h.type("wamytan")
            h.press(.left, .left)
            return h
        }
    }

    /// « Nouvelle personne » with the names and birth date of the three namesakes typed.
    private func newPersonBesideThreeNamesakes() throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: Self.threeNamesakes)
        h.press(.character("p"))
        for (text, tabs) in [("Wamytan", 2), ("Hélène", 2), ("14/03/1985", 1)] {
            h.type(text)
            for _ in 0..<tabs { h.press(.tab) }
        }
        return h
    }

    func testTierForm() throws {
        try assertEveryShownKeyIsHandled("nouvelle personne") {
            let h = try ScreenHarness()
            h.press(.character("p"))
            return h
        }
        try assertEveryShownKeyIsHandled("nouvelle personne, trois fiches proches") {
            let h = try newPersonBesideThreeNamesakes()
            h.press(.function(8))
            return h
        }
        try assertEveryShownKeyIsHandled("question du doublon probable") {
            let h = try newPersonBesideThreeNamesakes()
            h.press(.function(10))
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
            h.press(.function(1))
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

    func testDuplicateListsWhenEmpty() throws {
        try assertEveryShownKeyIsHandled("doublons à revoir, liste vide") {
            let h = try ScreenHarness()
            h.app.open(DuplicateQueueScreen(session: h.session))
            return h
        }
        try assertEveryShownKeyIsHandled("doublons décidés, liste vide") {
            let h = try ScreenHarness()
            h.app.open(DuplicateDecisionsScreen(session: h.session))
            return h
        }
    }

    func testCatalogueAndProcedureSheet() throws {
        func catalogue() throws -> ScreenHarness {
            let h = try ScreenHarness(tiers: Self.threeNamesakes, catalog: ScreenProcedures.catalog)
            h.app.open(ProcedureCatalogScreen(session: h.session, applicant: try TierService(store: h.store).snapshot(id: 1)))
            return h
        }
        try assertEveryShownKeyIsHandled("catalogue des démarches") {
            let h = try catalogue()
            h.type("bourse")
            h.press(.left, .left)
            return h
        }
        try assertEveryShownKeyIsHandled("fiche pratique") {
            let h = try catalogue()
            h.press(.enter)
            return h
        }
    }

    func testIntakeFieldsPiecesGoToFieldAndQuestion() throws {
        try assertEveryShownKeyIsHandled("dossier, champs") {
            let h = try IntakeHarness()
            try h.openIntake("BS")
            h.press(.down)
            return h
        }
        try assertEveryShownKeyIsHandled("dossier, pièces") {
            let h = try IntakeHarness()
            try h.openIntake("BS")
            h.press(.function(5), .down)
            return h
        }
        try assertEveryShownKeyIsHandled("dossier, aller au champ") {
            let h = try IntakeHarness()
            try h.openIntake("BS")
            h.press(.ctrl("g"))
            return h
        }
        try assertEveryShownKeyIsHandled("dossier, abandon ?") {
            let h = try IntakeHarness()
            try h.openIntake("BS")
            h.press(.function(12))
            XCTAssertTrue(h.screen.contains("Abandonner ce dossier ?"), h.screen)
            return h
        }
    }

    func testQueueAndDossierUnderReview() throws {
        func queue() throws -> ScreenHarness {
            let h = try ScreenHarness(roles: [.reception, .instructor, .supervisor], catalog: ScreenProcedures.catalog)
            try ReviewFixture.grants(12, store: h.store, by: h.agent)
            h.type("f")
            return h
        }
        try assertEveryShownKeyIsHandled("file d'instruction") { try queue() }
        try assertEveryShownKeyIsHandled("instruction d'un dossier") {
            let h = try queue()
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Instruction"), h.line(0))
            return h
        }
    }

    func testDashboardDocumentsScanAndConsultationMotif() throws {
        try assertEveryShownKeyIsHandled("tableau de bord") {
            let h = try ScreenHarness(catalog: ScreenProcedures.catalog)
            try ReviewFixture.grants(3, store: h.store, by: h.agent)
            h.type("t")
            XCTAssertTrue(h.line(0).contains("Tableau de bord"), h.line(0))
            return h
        }
        try assertEveryShownKeyIsHandled("pièces jointes") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            for day in ["2026-01-10", "2025-01-10", "2024-01-10"] {
                try DocumentService(store: h.store).register(type: .identityDocument, issuedOn: day, owners: [1], by: h.agent)
            }
            try record(h)
            h.press(.function(10))
            return h
        }
        try assertEveryShownKeyIsHandled("pièces jointes, texte cherché") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try DocumentService(store: h.store).register(type: .identityDocument, issuedOn: "2026-01-10", owners: [1], by: h.agent)
            try record(h)
            h.press(.function(10))
            h.type("abc def")
            h.press(.left, .left)
            return h
        }
        try assertEveryShownKeyIsHandled("numérisation, type de pièce") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try record(h)
            h.press(.function(4))
            XCTAssertTrue(h.line(0).contains("Numérisation"), h.line(0))
            return h
        }
        try assertEveryShownKeyIsHandled("motif de consultation") {
            let h = try ScreenHarness(tiers: Self.threeNamesakes)
            try TierRestrictionService(store: h.store).restrict(tierID: 1, motif: "Demande de la personne", by: h.agent)
            guard case .push(let asking) = TierRecordScreen.opening(h.session, tierID: 1) else {
                XCTFail("a restricted record asks the motif first")
                return h
            }
            h.app.open(asking)
            return h
        }
    }

    func testReceiptBeneficiaryChoiceAndArrivals() throws {
        try assertEveryShownKeyIsHandled("récépissé") {
            let h = try ScreenHarness(receipts: ReceiptOutput(storePath: NSTemporaryDirectory() + "hints-" + UUID().uuidString + "/sims.sqlite",
                                                              printer: nil, printCommand: "lp"))
            h.app.open(ReceiptScreen(session: h.session, submitted: ScreenProcedures.submitted()))
            return h
        }
        try assertEveryShownKeyIsHandled("bénéficiaire") {
            let h = try IntakeHarness()
            h.app.open(try TierRecordScreen(session: h.session, tierID: h.parent.id))
            h.press(.function(9))
            h.type("demande bourse scolaire")
            h.press(.function(2))
            XCTAssertTrue(h.screen.contains("Pour qui est ce dossier ?"), h.screen)
            return h
        }
        try assertEveryShownKeyIsHandled("arrivées") {
            let h = try ScreenHarness()
            let inbox = try InboxFolder(directory: URL(fileURLWithPath: h.directory).appendingPathComponent("arrivees"))
            for index in 1...3 {
                let url = inbox.directory.appendingPathComponent("scan-000\(index).pdf")
                try ArrivalsScreenTests.pdf(["AVIS DE SITUATION RIDET", "page \(index)"]).write(to: url)
                try FileManager.default.setAttributes([.modificationDate: ScreenHarness.now.addingTimeInterval(-120)],
                                                      ofItemAtPath: url.path)
            }
            try inbox.scan(now: ScreenHarness.now.addingTimeInterval(-10))
            h.app.open(ArrivalsScreen(session: h.session, inbox: inbox))
            return h
        }
    }
}
