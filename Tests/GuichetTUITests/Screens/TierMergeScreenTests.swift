import XCTest
import SIMSModel
@testable import GuichetTUI

/// A merged record on the 80×24 screens: its old number leads to the survivor, whose history
/// shows where each fact came from, and Ctrl-D there undoes the merge after a confirmation.
final class TierMergeScreenTests: XCTestCase {
    /// Two records of Hélène Wamytan, n° 2 merged into n° 1.
    private func merged() throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: [
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .phone: "251234"]),
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .email: "helene.w@mail.nc"]),
        ])
        try TierMerger(store: h.store).merge(survivorID: 1, absorbedID: 2, by: h.agent, motif: nil)
        return h
    }

    func testTheOldNumberOpensTheSurvivorAndSaysSo() throws {
        let h = try merged()
        h.app.open(try TierRecordScreen(session: h.session, tierID: 2))
        h.app.renderFrame()
        XCTAssertEqual(h.screen, """
             Guichet · Fiche : WAMYTAN Hélène                    Marie Gorodey · 29/11/2026
             WAMYTAN Hélène                                       Personne n° 1 · version 2
             Champ             Valeur                    Source             Niv. Date
            ▸Nom de naissance  Wamytan                   déclaré au guichet · 0  29/11/2026
             Nom d'usage       —
             Prénoms           Hélène                    déclaré au guichet · 0  29/11/2026
             Sexe              —
             Date de naissance 14/03/1985                déclaré au guichet · 0  29/11/2026
             Lieu de naissance —
             Adresse           —
             Commune           —
             Code postal       —
             Téléphone         25.12.34                  déclaré au guichet · 0  29/11/2026
             Courriel          helene.w@mail.nc          déclaré au guichet · 0  29/11/2026
             Numéro CAFAT      —






             Saisi par mgorodey le 29/11/2026 10:00 · niveau 0 déclaré
             Fiche n° 2 fusionnée le 29/11/2026 dans n° 1. Voici la fiche n° 1.
            F1Aide  F2Vérif.  F3Retour  F4Numér.  F5Hist.  F6Modifier  F9Dossier  F10Jointes
            """)
    }

    func testSearchingTheOldNumberFindsTheSurvivor() throws {
        let h = try merged()
        h.press(.character("r"))
        h.type("n° 2")
        XCTAssertEqual(h.screen, """
             Guichet · Recherche d'un tiers                      Marie Gorodey · 29/11/2026

             Rechercher : n° 2                                       1 résultat
             Fiche n° 2 fusionnée le 29/11/2026 dans n° 1. Entrée : ouvrir n° 1
             Nom                            Né(e) / RIDET  Commune      Tél.     Vérif.
            ▸WAMYTAN Hélène                 14/03/1985                  25.12.34 ·











             ──────────────────────────────────────────────────────────────────────────────
             WAMYTAN Hélène — personne n° 1
             Né(e) le 14/03/1985
             Tél. 25.12.34 · helene.w@mail.nc                  · déclaré ✓ vérifié ✔ validé


            F1Aide  F2Personne  F3Retour  F4Organis.  F7PgPréc  F8PgSuiv  F12Annuler
            """)
        h.press(.enter)
        XCTAssertTrue(h.line(1).contains("Personne n° 1"), h.line(1))
    }

    func testCtrlDOnTheHistoryUndoesTheMergeAfterConfirmation() throws {
        let h = try merged()
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        for _ in 0..<10 { h.press(.down) }
        h.press(.function(5))
        XCTAssertEqual(Array(h.terminal.screenLines[0...5]).joined(separator: "\n"), """
             Guichet · Historique : Courriel                     Marie Gorodey · 29/11/2026

             WAMYTAN Hélène — Courriel · la plus récente d'abord
             Fusionnée avec n° 2 le 29/11/2026 par mgorodey · Ctrl+D : défaire la fusion
             Date             Valeur                Source                  Niv. Agent
             29/11/2026 10:00 helene.w@mail.nc      n° 2 · déclaré au guic… · 0  mgorodey
            """.split(separator: "\n", omittingEmptySubsequences: false).map { $0.padding(toLength: 80, withPad: " ", startingAt: 0) }
                .joined(separator: "\n"))
        h.press(.key(.character("d"), modifiers: [.control]))
        XCTAssertEqual(Array(h.terminal.screenLines[17...21]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "── Défaire la fusion avec n° 2 ? ───────────────────────────────────────────────",
            "n° 2 et n° 1 redeviendront ce qu'elles étaient avant la fusion ;",
            "ce qui a été ajouté depuis à n° 1 y restera.",
            "▸Motif (facultatif) :",
            "Entrée : valider · Tab : champ suivant · Échap : annuler",
        ])
        h.type("deux personnes")
        h.press(.enter)
        XCTAssertEqual(h.messageArea, "Fusion défaite : n° 2 et n° 1 sont rétablies comme avant la fusion du 29/11/2026.")
        XCTAssertEqual(h.line(3).trimmingCharacters(in: .whitespaces), "", "no merge left to undo")
        XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "Aucune valeur n'a jamais été saisie.",
                       "the e-mail went back to n° 2")
        h.press(.function(3))
        XCTAssertTrue(h.screen.contains("Courriel          —"), h.screen)
        XCTAssertNil(try TierMerger(store: h.store).redirect(of: 2))
    }

    func testCtrlDOnTheRecordOpensTheHistoryToConfirm() throws {
        let h = try merged()
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.press(.key(.character("d"), modifiers: [.control]))
        XCTAssertTrue(h.line(0).contains("Historique : Nom de naissance"), h.line(0))
        XCTAssertTrue(h.screen.contains("── Défaire la fusion avec n° 2 ? ──"), h.screen)
        XCTAssertEqual(h.line(23).trimmingCharacters(in: .whitespaces), "F1Aide  F12Annuler",
                       "only what the open question answers")
        h.press(.escape)
        XCTAssertFalse(h.screen.contains("Défaire la fusion"), h.screen)
        XCTAssertNotNil(try TierMerger(store: h.store).redirect(of: 2), "Échap undoes nothing")
    }

    func testOnlyASuperviseurUndoesAndOnlyAMergeStanding() throws {
        let h = try ScreenHarness(tiers: [
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"]),
            (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"]),
        ], roles: [.reception])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.press(.key(.character("d"), modifiers: [.control]))
        XCTAssertEqual(h.line(22).trimmingCharacters(in: .whitespaces),
                       "Cette fiche n'a absorbé aucune autre fiche : il n'y a pas de fusion à défaire.")
        let admin = try AgentService(store: h.store).authenticate(login: "admin")
        try TierMerger(store: h.store).merge(survivorID: 1, absorbedID: 2, by: admin, motif: nil)
        h.app.open(try TierRecordScreen(session: h.session, tierID: 1))
        h.press(.key(.character("d"), modifiers: [.control]))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), "the record stays: \(h.line(0))")
        XCTAssertEqual(h.line(22).trimmingCharacters(in: .whitespaces),
                       "✗ Seul un superviseur peut défaire une fusion : demandez-le à un superviseur.")
    }
}
