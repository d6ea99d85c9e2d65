import XCTest
import SIMSModel
@testable import GuichetTUI

/// A restricted tier (RGPD « limitation ») reached by every other way than its name, at 80×24:
/// its number (« n° 1 », « #1 », « no 1 »), the number of a record merged into it, F3 back from
/// its record, a dossier's number or tracking code, and the duplicates queue (the list, the pair
/// and its merge). Each shows the name alone until the motif is given, and records it.
final class RestrictedTierPathsScreenTests: XCTestCase {
    static let people: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa",
                   .postalCode: "98800", .phone: "25 12 34", .cafat: "1234567"]),
        (.person, [.givenNames: "Noé", .birthName: "Wamytan", .birthDate: "10/10/2015", .commune: "Nouméa", .postalCode: "98800"]),
        (.person, [.givenNames: "Helene", .birthName: "Ouamytan", .birthDate: "14/03/1985", .phone: "79 88 77",
                   .email: "helene.o@lagoon.nc"]),
    ]

    func supervisor(_ h: ScreenHarness) throws -> Agent {
        if let known = try? AgentService(store: h.store).authenticate(login: "atein") { return known }
        return try ReviewFixture.agent(h.store, "atein", "Anne Tein", [.supervisor])
    }

    func restrict(_ h: ScreenHarness, _ tierID: Int64) throws {
        try TierRestrictionService(store: h.store).restrict(tierID: tierID, motif: "Contestation de l'adresse", by: try supervisor(h))
    }

    func consultations(_ h: ScreenHarness, tier: Int64) throws -> [[String: String]] {
        try h.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM event WHERE kind = 'tier.consult' AND tier_id = ? ORDER BY id",
                                arguments: [tier])
        }.map(EventLog.decodePayload)
    }

    /// Hélène's data, none of which may show before the motif.
    func assertNoData(_ h: ScreenHarness, file: StaticString = #filePath, line: UInt = #line) {
        for data in ["14/03/1985", "25.12.34", "1234567", "79.88.77", "helene.o@lagoon.nc", "Nouméa"] {
            XCTAssertFalse(h.screen.contains(data), "« \(data) » shows:\n\(h.screen)", file: file, line: line)
        }
    }

    // MARK: - Search

    func testSearchedByItsNumberTheRecordShowsItsNameOnlyAndOpensAfterTheMotif() throws {
        for query in ["n° 1", "#1", "no 1", "N°1"] {
            let h = try ScreenHarness(tiers: Self.people, roles: [.reception])
            try restrict(h, 1)
            h.press(.character("r"))
            h.type(query)
            XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "▸WAMYTAN Hélène                 limitée", query)
            XCTAssertEqual(h.line(18).trimmingCharacters(in: .whitespaces), "WAMYTAN Hélène — personne n° 1", query)
            XCTAssertEqual(h.line(19).trimmingCharacters(in: .whitespaces),
                           "Traitement limité (RGPD) : Entrée puis le motif de la consultation pour voir", query)
            assertNoData(h)
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
            XCTAssertTrue(h.screen.contains("Motif de la consultation"), h.screen)
            assertNoData(h)
            XCTAssertTrue(try consultations(h, tier: 1).isEmpty, "nothing consulted before the motif")
            h.type("Dépôt d'une pièce au guichet")
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
            XCTAssertTrue(h.screen.contains("14/03/1985"), h.screen)
            let recorded = try consultations(h, tier: 1)
            XCTAssertEqual(recorded.count, 1)
            XCTAssertEqual(recorded.first?["motif"], "Dépôt d'une pièce au guichet")
            XCTAssertEqual(recorded.first?["ecran"], "fiche")
            XCTAssertEqual(recorded.first?["limitee"], "oui")
        }
    }

    func testF3BackFromTheRecordShowsTheNameOnlyAgain() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception])
        try restrict(h, 1)
        h.press(.character("r"))
        h.type("n° 1")
        h.press(.enter)
        h.type("Demande de la personne présente")
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("14/03/1985"), h.screen)
        h.press(.function(3))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.screen)
        XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "▸WAMYTAN Hélène                 limitée")
        assertNoData(h)
        // Opening it again asks again, and records again.
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        h.press(.escape)
        XCTAssertEqual(try consultations(h, tier: 1).count, 1)
    }

    /// Hélène's record (n° 1) absorbs Ouamytan Helene's (n° 3), `restricted` restricted before; the search open.
    func mergingThreeIntoOne(restricting restricted: Int64) throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception])
        try restrict(h, restricted)
        try TierMerger(store: h.store).merge(survivorID: 1, absorbedID: 3, by: try supervisor(h), motif: "même personne",
                                             consultationMotif: "Doublon signalé par la personne")
        h.press(.character("r"))
        return h
    }

    func testTheNumberOfARecordMergedIntoItLeadsToItsNameOnly() throws {
        let h = try mergingThreeIntoOne(restricting: 1)
        h.type("n° 3")
        XCTAssertEqual(h.line(3).trimmingCharacters(in: .whitespaces),
                       "Fiche n° 3 fusionnée le 29/11/2026 dans n° 1. Entrée : ouvrir n° 1")
        XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "▸WAMYTAN Hélène                 limitée")
        assertNoData(h)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        assertNoData(h)
        h.type("Rendez-vous")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        XCTAssertEqual(try consultations(h, tier: 1).last?["motif"], "Rendez-vous")
    }

    func testARecordThatAbsorbedARestrictedOneIsRestricted() throws {
        let h = try mergingThreeIntoOne(restricting: 3)
        h.type("wamytan helene")
        XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "▸WAMYTAN Hélène                 limitée")
        assertNoData(h)
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        h.type("Rendez-vous")
        h.press(.enter)
        XCTAssertTrue(h.line(1).contains("limitée (RGPD) · Personne n° 1"), h.line(1))
    }

    func testADossierNumberOrTrackingCodeOfARestrictedApplicantOpensAfterTheMotif() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let id = try ReviewFixture.grants(1, store: h.store, by: h.agent, surnames: ["Wamytan"])[0]
        let dossier = try DossierService(store: h.store).dossier(id: id)
        let tracking = try XCTUnwrap(dossier.trackingCode)
        try restrict(h, dossier.applicantID)
        h.press(.character("r"))
        for reference in ["BS-2026-000001", tracking] {
            h.type(reference)
            XCTAssertEqual(h.line(3).trimmingCharacters(in: .whitespaces),
                           "Dossier BS-2026-000001 · Demande de bourse scolaire · Entrée : ouvrir", h.screen)
            XCTAssertFalse(h.screen.contains("WAMYTAN"), "no tier shows with the dossier: \(h.screen)")
            h.press(.enter)
            XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
            XCTAssertTrue(h.screen.contains("WAMYTAN Hélène"), h.screen)
            XCTAssertFalse(h.screen.contains("14/03/1985"), h.screen)
            XCTAssertFalse(h.screen.contains("CM1"), h.screen)
            h.press(.escape)
            XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.screen)
            for _ in reference { h.press(.backspace) }
        }
        XCTAssertTrue(try consultations(h, tier: dossier.applicantID).isEmpty)
        h.type(tracking)
        h.press(.enter)
        h.type("Instruction du dossier")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Instruction"), h.screen)
        XCTAssertTrue(h.line(1).contains("BS-2026-000001 · Demande de bourse scolaire"), h.screen)
        let recorded = try consultations(h, tier: dossier.applicantID)
        XCTAssertEqual(recorded.last?["motif"], "Instruction du dossier")
        XCTAssertEqual(recorded.last?["ecran"], "instruction")
    }

    // MARK: - Duplicates

    /// Hélène (restricted) and her probable duplicate Ouamytan Helene, in the queue.
    func duplicates() throws -> ScreenHarness {
        let h = try ScreenHarness(tiers: [Self.people[0], Self.people[2]])
        try DuplicateAnalysis(store: h.store).run(by: h.agent)
        try restrict(h, 1)
        return h
    }

    func mergeEvent(_ h: ScreenHarness) throws -> [String: String]? {
        try h.store.sqlitePool.read { db in
            try String.fetchOne(db, sql: "SELECT payload FROM event WHERE kind = 'tier.merge' ORDER BY id DESC LIMIT 1")
        }.map(EventLog.decodePayload)
    }

    func testTheQueueShowsARestrictedPairByNameAndThePairOpensAfterTheMotif() throws {
        let h = try duplicates()
        h.press(.character("D"))
        XCTAssertTrue(h.screen.contains("1 paire à revoir"), h.screen)
        XCTAssertEqual(h.line(4).trimmingCharacters(in: .whitespaces),
                       "▸99,9 % WAMYTAN Hélène           OUAMYTAN Helene          limitée (RGPD)")
        XCTAssertTrue(h.screen.contains("Paire n° 1 : fiche n° 1 WAMYTAN Hélène et fiche n° 2 OUAMYTAN Helene"), h.screen)
        XCTAssertTrue(h.screen.replacingOccurrences(of: "\n ", with: " ")
            .contains("Traitement limité (RGPD) : Entrée puis le motif de la consultation pour voir la paire ; F5 demande aussi le motif."),
                      h.screen)
        XCTAssertFalse(h.screen.contains("même date de naissance"), "the reasons compare her data: \(h.screen)")
        assertNoData(h)

        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène"), h.screen)
        XCTAssertFalse(h.screen.contains("Cette paire n'existe plus"), h.screen)
        assertNoData(h)
        XCTAssertTrue(try consultations(h, tier: 1).isEmpty)
        h.press(.escape)
        XCTAssertTrue(h.line(0).contains("Doublons à revoir"), h.screen)
        XCTAssertNil(try TierMerger(store: h.store).redirect(of: 2), "nothing merged")

        h.press(.enter)
        h.type("Doublon signalé par la personne")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Doublon probable"), h.screen)
        XCTAssertTrue(h.screen.contains("Raisons : même date de naissance"), h.screen)
        XCTAssertTrue(h.screen.contains("14/03/1985"), h.screen)
        for tier: Int64 in [1, 2] {
            XCTAssertEqual(try consultations(h, tier: tier).last?["motif"], "Doublon signalé par la personne", "n° \(tier)")
        }
        // Its merge carries the motif given on opening.
        h.press(.function(5))
        XCTAssertTrue(h.screen.contains("Paire n° 1 : même personne."), h.screen)
        XCTAssertEqual(try TierMerger(store: h.store).redirect(of: 2)?.survivorID, 1)
        let merge = try XCTUnwrap(try mergeEvent(h))
        XCTAssertEqual(merge["limitee"], "oui")
        XCTAssertEqual(merge["motif_consultation"], "Doublon signalé par la personne")
        XCTAssertTrue(try ChainVerifier.verify(h.store).isSound)
    }

    func testSamePersonFromTheQueueAsksTheMotifBeforeMerging() throws {
        let h = try duplicates()
        h.press(.character("D"))
        h.press(.function(4))
        h.press(.function(5))
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("Motif de la consultation"), h.screen)
        XCTAssertTrue(h.messageArea.contains("Fusion d'une fiche limitée (RGPD) : indiquez le motif"), h.messageArea)
        assertNoData(h)
        h.press(.escape)
        XCTAssertNil(try TierMerger(store: h.store).redirect(of: 1), "Esc merges nothing")
        XCTAssertNil(try TierMerger(store: h.store).redirect(of: 2))
        h.press(.function(5))
        h.press(.enter)
        XCTAssertTrue(h.screen.contains("✗ Motif : indiquez le motif de la consultation."), h.screen)
        h.type("Demande de la personne, courrier du 02/12")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Doublons à revoir"), h.screen)
        XCTAssertTrue(h.screen.contains("Aucune paire à revoir"), h.screen)
        XCTAssertTrue(h.messageArea.contains("Paire n° 1 : même personne. Fiche n° 1 fusionnée dans n° 2"), h.messageArea)
        XCTAssertEqual(try TierMerger(store: h.store).redirect(of: 1)?.survivorID, 2, "F4's choice is kept")
        XCTAssertEqual(try mergeEvent(h)?["motif_consultation"], "Demande de la personne, courrier du 02/12")
        XCTAssertNotNil(try TierRestrictionService(store: h.store).inForce(tierID: 2), "the survivor is restricted now")
    }

    func testAPairOpenedWithoutTheMotifShowsNothingAndItsMergeIsRefused() throws {
        let h = try duplicates()
        h.app.open(DuplicatePairScreen(session: h.session, pairID: 1))
        h.app.renderFrame()
        XCTAssertEqual(h.line(1).trimmingCharacters(in: .whitespaces), "Les fiches de cette paire n'ont pas pu être lues.")
        assertNoData(h)
        h.press(.function(5))
        XCTAssertTrue(h.messageArea.contains("« WAMYTAN Hélène » : traitement limité (RGPD)."), h.messageArea)
        XCTAssertNil(try TierMerger(store: h.store).redirect(of: 2), "nothing merged")
        XCTAssertTrue(try consultations(h, tier: 1).isEmpty)
    }
}
