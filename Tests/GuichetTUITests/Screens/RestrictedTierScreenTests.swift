import XCTest
import SIMSModel
@testable import GuichetTUI

/// A restricted tier (RGPD « limitation ») on every screen that shows its data, at 80×24: the
/// search shows its name only, and its record, a dossier under review or a dossier's form open
/// only after the motif, recorded in the consultation's event; Ctrl-R on a record (superviseurs)
/// restricts and lifts.
final class RestrictedTierScreenTests: XCTestCase {
    static let people: [(TierKind, [TierField: String])] = [
        (.person, [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985", .commune: "Nouméa",
                   .postalCode: "98800", .phone: "25 12 34", .cafat: "1234567"]),
        (.person, [.givenNames: "Noé", .birthName: "Wamytan", .birthDate: "10/10/2015", .commune: "Nouméa", .postalCode: "98800"]),
    ]

    func supervisor(_ h: ScreenHarness) throws -> Agent {
        try ReviewFixture.agent(h.store, "atein", "Anne Tein", [.supervisor])
    }

    func consultations(_ h: ScreenHarness, tier: Int64) throws -> [[String: String]] {
        try h.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM event WHERE kind = 'tier.consult' AND tier_id = ? ORDER BY id",
                                arguments: [tier])
        }.map(EventLog.decodePayload)
    }

    func testTheSearchShowsTheNameOnlyAndTheRecordOpensAfterTheMotif() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception])
        try TierRestrictionService(store: h.store).restrict(tierID: 1, motif: "Contestation de l'adresse", by: try supervisor(h))
        h.press(.character("r"))
        h.type("wamytan")
        XCTAssertEqual(h.line(5).trimmingCharacters(in: .whitespaces), "▸WAMYTAN Hélène                 limitée")
        XCTAssertTrue(h.line(6).contains("10/10/2015"), "another tier shows as before")
        XCTAssertFalse(h.screen.contains("14/03/1985"), h.screen)
        XCTAssertFalse(h.screen.contains("25.12.34"), h.screen)
        XCTAssertFalse(h.screen.contains("1234567"), h.screen)
        XCTAssertEqual(h.line(18).trimmingCharacters(in: .whitespaces), "WAMYTAN Hélène — personne n° 1")
        XCTAssertEqual(h.line(19).trimmingCharacters(in: .whitespaces),
                       "Traitement limité (RGPD) : Entrée puis le motif de la consultation pour voir")
        XCTAssertEqual(h.line(20).trimmingCharacters(in: .whitespaces), "la fiche.")

        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Hélène"), h.screen)
        XCTAssertFalse(h.screen.contains("14/03/1985"), h.screen)
        XCTAssertTrue(h.screen.contains("Motif de la consultation"), h.screen)
        XCTAssertTrue(h.screen.contains("Elles ne s'affichent qu'avec le motif de la consultation"), h.screen)
        XCTAssertTrue(h.line(23).contains("F10Enreg."), h.line(23))
        XCTAssertTrue(try consultations(h, tier: 1).isEmpty, "nothing consulted yet")
        // Enter without a motif: refused, nothing shown.
        h.press(.key(.enter))
        XCTAssertTrue(h.screen.contains("✗ Motif : indiquez le motif de la consultation."), h.screen)
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"))
        // Esc goes back to the search without anything recorded.
        h.press(.key(.escape))
        XCTAssertTrue(h.line(0).contains("Recherche d'un tiers"), h.screen)
        XCTAssertTrue(try consultations(h, tier: 1).isEmpty)

        h.press(.key(.enter))
        h.type("Dossier BS déposé au guichet")
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Fiche : WAMYTAN Hélène"), h.screen)
        XCTAssertTrue(h.line(1).contains("WAMYTAN Hélène"), h.line(1))
        XCTAssertTrue(h.line(1).hasSuffix("limitée (RGPD) · Personne n° 1 · version 1 "), h.line(1))
        XCTAssertTrue(h.screen.contains("14/03/1985"), "the data shows once the motif is given")
        XCTAssertTrue(h.messageArea.contains("Fiche limitée : consultation enregistrée avec le motif « Dossier BS déposé au guichet »."),
                      h.messageArea)
        let recorded = try consultations(h, tier: 1)
        XCTAssertEqual(recorded.count, 1)
        XCTAssertEqual(recorded[0]["motif"], "Dossier BS déposé au guichet")
        XCTAssertEqual(recorded[0]["ecran"], "fiche")
        // The field history is part of the record: it opens without asking again.
        h.press(.key(.function(5)))
        XCTAssertTrue(h.line(0).contains("Historique"), h.screen)
        XCTAssertEqual(try consultations(h, tier: 1).count, 1)
    }

    func testASupervisorRestrictsAndLiftsFromTheRecord() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception, .supervisor])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 2))
        h.app.renderFrame()
        h.press(.key(.function(1)))
        XCTAssertTrue(h.screen.contains("limiter le traitement de la fiche (RGPD)"), h.screen)
        h.press(.key(.escape))
        h.press(.key(.character("r"), modifiers: .control))
        XCTAssertTrue(h.screen.contains("Limiter le traitement (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("Ensuite, chaque consultation de la fiche demandera son motif, enregistré."), h.screen)
        h.press(.key(.enter))
        XCTAssertTrue(h.screen.contains("✗ Motif : indiquez le motif de la limitation"), h.screen)
        XCTAssertEqual(h.screen.components(separatedBy: "indiquez le motif").count, 2, "an empty motif refused once:\n\(h.screen)")
        h.type("Opposition du parent, courrier du 28/11/2026")
        h.press(.key(.enter))
        XCTAssertTrue(h.messageArea.contains("Fiche limitée (RGPD) : « Opposition du parent, courrier du 28/11/2026 »."), h.messageArea)
        XCTAssertTrue(h.line(1).contains("limitée (RGPD) · Personne n° 2"), h.line(1))
        XCTAssertNotNil(try TierRestrictionService(store: h.store).inForce(tierID: 2))

        h.press(.key(.character("r"), modifiers: .control))
        XCTAssertTrue(h.screen.contains("Lever la limitation (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("Limitée le 29/11/2026 10:00 par mgorodey :\n « Opposition du parent, courrier du 28/11/2026 »"),
                      h.screen)
        h.type("Demande retirée")
        h.press(.key(.enter))
        XCTAssertTrue(h.messageArea.contains("Limitation levée : « Demande retirée »."), h.messageArea)
        XCTAssertFalse(h.line(1).contains("limitée"), h.line(1))
        XCTAssertNil(try TierRestrictionService(store: h.store).inForce(tierID: 2))
    }

    func testAnAgentCannotRestrict() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception])
        h.app.open(try TierRecordScreen(session: h.session, tierID: 2))
        h.app.renderFrame()
        h.press(.key(.character("r"), modifiers: .control))
        XCTAssertTrue(h.messageArea.contains("Seul un superviseur peut limiter le traitement d'une fiche"), h.messageArea)
        XCTAssertNil(try TierRestrictionService(store: h.store).inForce(tierID: 2))
    }

    func testADossierOfARestrictedChildOpensForReviewAfterTheMotif() throws {
        let h = try ScreenHarness(roles: [.reception, .instructor], catalog: ScreenProcedures.catalog)
        let ids = try ReviewFixture.grants(2, store: h.store, by: h.agent, surnames: ["Wamytan", "Gorodey"])
        let child = try DossierService(store: h.store).dossier(id: ids[0]).beneficiaryID!
        try TierRestrictionService(store: h.store).restrict(tierID: child, motif: "Opposition du parent", by: try supervisor(h))
        h.type("f")
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Léa"), h.screen)
        XCTAssertFalse(h.screen.contains("BS-2026-000001 · Demande de bourse scolaire"), h.screen)
        h.type("Instruction du dossier")
        h.press(.key(.function(10)))
        XCTAssertTrue(h.line(0).contains("Instruction"), h.screen)
        XCTAssertTrue(h.screen.contains("BS-2026-000001 · Demande de bourse scolaire"), h.screen)
        XCTAssertEqual(try consultations(h, tier: child).last?["motif"], "Instruction du dossier")
        XCTAssertEqual(try consultations(h, tier: child).last?["ecran"], "instruction")
        // The next dossier of the queue (not restricted) opens at once; back from it, the first
        // one asks again.
        h.press(.key(.function(8)))
        XCTAssertTrue(h.screen.contains("BS-2026-000002"), h.screen)
        h.press(.key(.function(7)))
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        h.press(.key(.escape))
        XCTAssertTrue(h.line(0).contains("Files d'instruction"), h.screen)
    }

    func testADossierFormStartedFromTheRecordUsesItsMotif() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception], catalog: ScreenProcedures.catalog)
        try TierRestrictionService(store: h.store).restrict(tierID: 1, motif: "Contestation", by: try supervisor(h))
        // Without the record open: the motif is asked.
        guard case .replace(let asking) = IntakeLauncher.start(session: h.session, procedure: ScreenProcedures.higherEducation,
                                                                applicantID: 1) else { return XCTFail("expected the motif screen") }
        XCTAssertTrue(asking is ConsultationMotifScreen)
        // From the record opened with a motif: the form opens, recorded with that motif.
        let record = try TierRecordScreen(session: h.session, tierID: 1, motif: "Demande de bourse au guichet")
        guard case .replace(let form) = IntakeLauncher.start(session: h.session, procedure: ScreenProcedures.higherEducation,
                                                              applicantID: 1) else { return XCTFail("expected the form") }
        XCTAssertTrue(form is IntakeScreen)
        let last = try consultations(h, tier: 1).last
        XCTAssertEqual(last?["ecran"], "saisie")
        XCTAssertEqual(last?["motif"], "Demande de bourse au guichet")
        withExtendedLifetime(record) {}
    }

    func testARestrictedChildIsChosenByNameAndItsFormAsksTheMotif() throws {
        let h = try ScreenHarness(tiers: Self.people, roles: [.reception], catalog: ScreenProcedures.catalog)
        try TierService(store: h.store).relate(2, kind: .legalRepresentative, to: 1, by: h.agent)
        try TierRestrictionService(store: h.store).restrict(tierID: 2, motif: "Opposition du parent", by: try supervisor(h))
        let parent = try TierService(store: h.store).snapshot(id: 1)
        h.app.open(BeneficiaryChoiceScreen(session: h.session, procedure: ScreenProcedures.schoolGrant, applicant: parent))
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("WAMYTAN Noé · limitée"), h.screen)
        XCTAssertFalse(h.screen.contains("10/10/2015"), h.screen)
        h.press(.key(.enter))
        XCTAssertTrue(h.line(0).contains("Fiche limitée (RGPD)"), h.screen)
        XCTAssertTrue(h.screen.contains("WAMYTAN Noé"), h.screen)
        h.type("Demande de bourse au guichet")
        h.press(.key(.enter))
        let form = try XCTUnwrap(h.app.top as? IntakeScreen, h.screen)
        XCTAssertEqual(form.intake.beneficiary?.value(.birthDate), "2015-10-10", "the form has the child's data once the motif is given")
        XCTAssertEqual(try consultations(h, tier: 2).last?["ecran"], "saisie")
        XCTAssertEqual(try consultations(h, tier: 2).last?["motif"], "Demande de bourse au guichet")
    }

    func testALongNameIsCutWithAnEllipsisBesideTheMark() throws {
        let long: [TierField: String] = [.birthName: "Kasarhérou-Wahnyamalla", .usageName: "Waheo-Pouvreau",
                                         .givenNames: "Marie-Thérèse Hélène Françoise", .birthDate: "14/03/1985"]
        let h = try ScreenHarness(tiers: [(.person, long)], roles: [.reception])
        try TierRestrictionService(store: h.store).restrict(tierID: 1, motif: "Contestation", by: try supervisor(h))
        let name = try TierService(store: h.store).snapshot(id: 1).displayName
        h.press(.character("r"))
        h.type("kasarherou")
        XCTAssertTrue(h.line(5).contains("…"), h.line(5))
        XCTAssertTrue(h.line(5).contains("limitée"), h.line(5))
        h.press(.key(.enter))
        XCTAssertTrue(h.screen.contains(name) || h.screen.contains(String(name.prefix(70)) + "…"), h.screen)
        h.type("Rendez-vous")
        h.press(.key(.enter))
        let header = h.line(1)
        XCTAssertTrue(header.hasSuffix("limitée (RGPD) · Personne n° 1 · version 1 "), header)
        XCTAssertEqual(header, " WAHEO-POUVREAU née KASARHÉROU-WAH…  limitée (RGPD) · Personne n° 1 · version 1 ")
        XCTAssertTrue(name.hasPrefix("WAHEO-POUVREAU née KASARHÉROU-WAH"), name)
    }
}
