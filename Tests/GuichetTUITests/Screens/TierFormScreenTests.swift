import XCTest
import SIMSModel
@testable import GuichetTUI

final class TierFormScreenTests: XCTestCase {
    /// Opens « Nouvelle personne » from the home screen.
    private func newPerson(_ h: ScreenHarness) {
        h.press(.character("p"))
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"), h.line(0))
    }

    func testTheFormMarksRequiredFieldsAndShowsTheDuplicatePanel() throws {
        let h = try ScreenHarness()
        newPerson(h)
        XCTAssertEqual(h.screen, """
             Guichet · Nouvelle personne                         Marie Gorodey · 29/11/2026
             Saisie d'une personne                   * obligatoire

            ▸ Nom de naissance*                                     Déjà connus ?
              Nom d'usage                                           Ils s'affichent dès le
              Prénoms*                                              nom et la date de
              Sexe                                                  naissance saisis.
              Date de naissance*
              Lieu de naissance
              Adresse
              Commune
              Code postal
              Téléphone
              Courriel
              Numéro CAFAT








            F1Aide  F3Retour  F10Enreg.  F12Annuler
            """)
    }

    func testAnImpossibleDateIsRefusedWhenLeavingTheFieldUntilFixedThenSaved() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.type("Wamytan")
        h.press(.tab, .tab)
        h.type("Hélène")
        h.press(.tab, .tab)
        h.type("31/02/1985")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("✗ Date de naissance : le 31/02/1985 n'existe pas."), h.screen)
        XCTAssertTrue(h.line(7).hasPrefix(" ✗Date de naissance"), h.line(7))
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("1 champ à corriger avant d'enregistrer."), h.screen)
        XCTAssertEqual(try h.store.summary().persons, 0)
        // Back on the date (the save put the focus there), fix it: the message goes as the value becomes right.
        for _ in 0..<10 { h.press(.backspace) }
        h.type("140385")
        XCTAssertFalse(h.screen.contains("n'existe pas"), h.screen)
        // A date typed as bare digits shows as it was read once left.
        h.press(.tab)
        XCTAssertTrue(h.line(7).contains("Date de naissance*  14/03/1985"), h.line(7))
        h.press(.function(10))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.screen.contains("Fiche n° 1 créée."), h.screen)
        let tier = try TierService(store: h.store).snapshot(id: 1)
        XCTAssertEqual(tier.value(.birthDate), "1985-03-14")
        XCTAssertEqual(tier.current[.birthName]?.agentLogin, "mgorodey")
        XCTAssertTrue(try DraftStore(store: h.store).list(agentID: h.agent.id).isEmpty, "the draft goes once saved")
    }

    func testLikelyDuplicatesAppearAsSoonAsNameAndBirthDateAreThereAndOneCanBeOpened() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985",
                                                       .commune: "Nouméa", .postalCode: "98800"])])
        newPerson(h)
        h.type("Ouamytan")
        h.press(.tab, .tab)
        h.type("Helene")
        h.press(.tab, .tab)
        XCTAssertFalse(h.screen.contains("WAMYTAN Hélène"), "no birth date yet")
        h.type("14/03/1985")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.screen.contains("même date de"), h.screen)
        XCTAssertTrue(h.screen.contains("▸ WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.screen.contains("F6 : ouvrir ▸"), h.screen)
        h.press(.function(6))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.line(0))
        XCTAssertEqual(try h.store.summary().persons, 1, "nothing was created")
    }

    /// Two records close to « Wamytan Hélène 14/03/1985 ».
    private static let twoHelenes: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa"]),
        (.person, [.givenNames: "Hélène", .birthName: "Wamytane", .birthDate: "14/03/1985", .commune: "Bourail"]),
    ]

    func testThePanelSaysWhenNoRecordIsCloseAndOpensTheCandidateUnderTheCursor() throws {
        let h = try ScreenHarness(tiers: Self.twoHelenes)
        newPerson(h)
        h.type("Kasarhérou")
        h.press(.tab, .tab)
        h.type("Paul")
        h.press(.tab, .tab)
        XCTAssertTrue(h.screen.contains("Ils s'affichent dès le"), h.screen)
        h.type("01/01/1990")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("Aucune fiche proche"), h.screen)
        XCTAssertFalse(h.screen.contains("Ils s'affichent"), h.screen)
        h.press(.function(6))
        XCTAssertTrue(h.screen.contains("Aucune fiche proche à ouvrir."), h.screen)

        // Two candidates: PgDn (F8) moves the cursor to the second, F6 opens that one.
        h.press(.backTab, .backTab, .backTab, .backTab, .backTab)
        h.press(.ctrl("u"))
        h.type("Wamytan")
        h.press(.tab, .tab, .ctrl("u"))
        h.type("Hélène")
        h.press(.tab, .tab, .ctrl("u"))
        h.type("14/03/1985")
        h.press(.tab)
        XCTAssertTrue(h.screen.contains("F7/F8 : choisir, F6 :\n") && h.screen.contains("ouvrir ▸"), h.screen)
        func chosen() -> String? {
            h.screen.range(of: "▸ WAMYTANE? Hélène", options: .regularExpression).map { String(h.screen[$0].dropFirst(2)) }
        }
        let first = try XCTUnwrap(chosen(), h.screen)
        h.press(.function(8))
        let second = try XCTUnwrap(chosen(), h.screen)
        XCTAssertNotEqual(first, second, "the cursor moved to the other candidate")
        h.press(.function(6))
        XCTAssertTrue(h.line(0).contains("Fiche : " + second), h.screen)
    }

    /// Types a person whose likely duplicate is in the register, leaving the focus on the birth date.
    private func typeLikelyDuplicate(_ h: ScreenHarness) {
        newPerson(h)
        h.type("Ouamytan")
        h.press(.tab, .tab)
        h.type("Nadege")
        h.press(.tab, .tab)
        h.type("11/12/1971") // F10 comes with the focus still on the birth date
    }

    private static let nadege: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Nadège", .birthName: "Wamytan", .birthDate: "11/12/1971", .commune: "Nouméa", .postalCode: "98800"]),
    ]

    func testSavingBesideALikelyDuplicateAsksFirstWhicheverFieldHasTheFocus() throws {
        let h = try ScreenHarness(tiers: Self.nadege)
        typeLikelyDuplicate(h)
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Doublon probable ("), h.screen)
        XCTAssertTrue(h.screen.contains("n° 1 WAMYTAN Nadège 11/12/1971"), h.screen)
        XCTAssertTrue(h.screen.contains("même date de naissance"), h.screen)
        XCTAssertTrue(h.screen.contains("o : ouvrir cette fiche   c : créer quand même   Échap : revenir"), h.screen)
        XCTAssertEqual(try h.store.summary().persons, 1, "nothing created before the answer")
        h.press(.character("x"))
        XCTAssertTrue(h.screen.contains("Répondez o (ouvrir la fiche), c (créer quand même) ou Échap (revenir)."), h.screen)
        h.press(.escape)
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"), h.line(0))
        XCTAssertTrue(h.screen.contains("Rien n'a été créé : la saisie continue."), h.screen)
        XCTAssertTrue(h.screen.contains("Ouamytan"), "what was typed is still there")
        XCTAssertEqual(try h.store.summary().persons, 1)
        h.press(.function(10), .character("o"))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Nadège"), h.line(0))
        XCTAssertEqual(try h.store.summary().persons, 1)
    }

    func testF12AnswersTheDuplicateQuestionAsItsBarSaysAndTheBarShowsOnlyThatAnswer() throws {
        let h = try ScreenHarness(tiers: Self.nadege)
        typeLikelyDuplicate(h)
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("Doublon probable ("), h.screen)
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F12Annuler")
        h.press(.function(12))
        XCTAssertFalse(h.screen.contains("Doublon probable ("), h.screen)
        XCTAssertEqual(h.messageArea.trimmingCharacters(in: .whitespaces), "Rien n'a été créé : la saisie continue.")
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"), h.line(0))
        XCTAssertTrue(h.screen.contains("Ouamytan"), "what was typed is still there")
        XCTAssertEqual(try h.store.summary().persons, 1)
    }

    func testF7AndF8AreNamedForThePanelTheyMoveInTheBarAndTheHelp() throws {
        let h = try ScreenHarness(tiers: Self.twoHelenes)
        newPerson(h)
        for (text, tabs) in [("Wamytan", 2), ("Hélène", 2), ("14/03/1985", 1)] {
            h.type(text)
            for _ in 0..<tabs { h.press(.tab) }
        }
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces),
                       "F1Aide  F3Retour  F6Doublon  F7Dbl.préc  F8Dbl.suiv  F10Enreg.  F12Annuler")
        h.press(.function(1))
        XCTAssertTrue(h.screen.contains("F7       Dbl.préc : choisir dans « Déjà connus ? » la fiche précédente (▸)"), h.screen)
        XCTAssertTrue(h.screen.contains("F8       Dbl.suiv : choisir dans « Déjà connus ? » la fiche suivante (▸)"), h.screen)
        XCTAssertFalse(h.screen.contains("page"), h.screen)
    }

    func testCreatingAnywayNamesTheCandidateInTheCreationEvent() throws {
        let h = try ScreenHarness(tiers: Self.nadege)
        typeLikelyDuplicate(h)
        h.press(.function(10), .character("c"))
        XCTAssertTrue(h.screen.contains("Fiche n° 2 créée."), h.screen)
        XCTAssertEqual(try h.store.summary().persons, 2)
        let payload = try h.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM event WHERE kind = 'tier.create' AND tier_id = 2")
        }
        XCTAssertEqual(payload.map(EventLog.decodePayload)?["doublon_ecarte"], "1", payload ?? "no event")
    }

    func testCancelAsksFirstWhenSomethingChanged() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.press(.escape)
        XCTAssertTrue(h.line(0).contains("Accueil"), "nothing typed: cancel leaves at once")
        newPerson(h)
        h.type("Wamytan")
        h.press(.escape)
        XCTAssertTrue(h.screen.contains("Abandonner la saisie ? Ce qui a été tapé sera perdu. (o/n)"), h.screen)
        h.press(.character("n"))
        XCTAssertTrue(h.line(0).contains("Nouvelle personne"))
        XCTAssertTrue(h.screen.contains("Wamytan"))
        h.press(.function(12), .character("o"))
        XCTAssertTrue(h.line(0).contains("Accueil"))
        XCTAssertTrue(try DraftStore(store: h.store).list(agentID: h.agent.id).isEmpty)
    }

    func testEveryFieldExitKeepsADraftThatTheHomeScreenOffersBack() throws {
        let h = try ScreenHarness()
        newPerson(h)
        h.type("Wamytan")
        h.press(.tab, .tab)
        h.type("Hélène Marie")
        h.press(.tab)
        let drafts = try DraftStore(store: h.store).list(agentID: h.agent.id)
        XCTAssertEqual(drafts.count, 1)
        XCTAssertEqual(drafts.first?.values[.givenNames], "Hélène Marie")
        // A new session (the next start) offers it back.
        let next = AppSession(store: h.store, agent: h.agent, keymap: DefaultKeymap.keymap, clock: .fixed(ScreenHarness.now))
        let terminal = InMemoryTerminal(columns: 80, rows: 24)
        let app = Application(terminal: terminal, session: next, root: HomeScreen(session: next))
        app.renderFrame()
        XCTAssertTrue(terminal.screenText.contains("Saisies non enregistrées (1) :"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("Nouvelle personne : WAMYTAN Hélène Marie — 29/11/2026 10:00"), terminal.screenText)
        XCTAssertTrue(terminal.screenText.contains("Entrée pour reprendre"), terminal.screenText)
        app.process(.enter)
        app.renderFrame()
        XCTAssertTrue(terminal.screenText.contains("Hélène Marie"), terminal.screenText)
        XCTAssertTrue(terminal.screenLines[0].contains("Nouvelle personne"))
    }

    func testEditingChangesOnlyWhatWasTypedAndKeepsTheHistory() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985",
                                                       .phone: "25 12 34"])])
        h.press(.character("r"))
        h.type("wamytan")
        h.press(.enter)
        h.press(.function(6))
        XCTAssertTrue(h.line(0).contains("Modification : WAMYTAN Hélène"), h.line(0))
        for _ in 0..<9 { h.press(.tab) } // to Téléphone
        for _ in 0..<8 { h.press(.backspace) }
        h.type("78 12 34")
        h.press(.function(10))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.screen.contains("Fiche enregistrée (version 2)."), h.screen)
        XCTAssertTrue(h.screen.contains("78.12.34"), h.screen)
        let tier = try TierService(store: h.store).snapshot(id: 1)
        XCTAssertEqual(tier.history(of: .phone).map(\.value), ["781234", "251234"])
        XCTAssertEqual(tier.history(of: .birthName).count, 1, "untouched fields are not rewritten")
    }

    func testAnEditFromAStaleViewIsRefusedWithWhatChanged() throws {
        let h = try ScreenHarness(tiers: [(.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"])])
        h.press(.character("r"))
        h.type("wamytan")
        h.press(.enter, .function(6))
        // Meanwhile, a colleague changes the phone.
        try TierService(store: h.store).update(id: 1, expectedVersion: 1, changes: [.phone: "251234"], by: h.agent)
        for _ in 0..<8 { h.press(.tab) } // to Code postal... then Téléphone
        h.press(.tab)
        h.type("781234")
        h.press(.function(10))
        XCTAssertTrue(h.screen.contains("modifiée par quelqu'un d'autre"), h.screen)
        XCTAssertTrue(h.screen.contains("  - Téléphone : « 25.12.34 » par mgorodey le 29/11/2026 10:00"), h.screen)
        XCTAssertEqual(try TierService(store: h.store).snapshot(id: 1).value(.phone), "251234")
    }
}
