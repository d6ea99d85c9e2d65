import XCTest
import SIMSModel
@testable import GuichetTUI

/// The decision form lists the facts the dossier's pieces prove and accepting validates them.
final class DecisionValidationScreenTests: XCTestCase {
    /// A grant whose identity piece reuses the parent's card, proposed for acceptance by Jean.
    private func proposedGrant(_ h: ScreenHarness) throws -> (dossier: Int64, parent: Int64) {
        let jean = try ReviewFixture.agent(h.store, "jinstr", "Jean Instructeur", [.instructor])
        let tiers = TierService(store: h.store)
        let parent = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Hélène",
                                                              .birthDate: "14/03/1985"], by: h.agent)
        let child = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Léa",
                                                             .birthDate: "02/05/2016"], by: h.agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: h.agent)
        try DocumentService(store: h.store).register(type: .identityDocument, issuedOn: "2024-03-12", owners: [parent.id], by: h.agent)
        let service = DossierService(store: h.store)
        var intake = try service.start(ScreenProcedures.schoolGrant, applicantID: parent.id, beneficiaryID: child.id, by: h.agent)
        intake.dossier.answers["classe"] = "CM1"
        let id = try service.submit(intake.dossier, procedure: ScreenProcedures.schoolGrant, by: h.agent).dossier.id
        let workflow = WorkflowService(store: h.store)
        try workflow.perform(.claim, on: id, reviewLevels: 2, by: jean)
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 2, by: jean)
        return (id, parent.id)
    }

    func testAcceptingValidatesTheFactsTheFormListed() throws {
        let h = try ScreenHarness(roles: [.reception, .supervisor], catalog: ScreenProcedures.catalog)
        let (id, parent) = try proposedGrant(h)
        h.app.open(try DossierReviewScreen(session: h.session, dossierID: id))
        h.app.renderFrame()
        h.press(.key(.function(9)))
        XCTAssertEqual(Array(h.terminal.screenLines[14...22]).map { $0.trimmingCharacters(in: .whitespaces) }, [
            "── Décider ─────────────────────────────────────────────────────────────────────",
            "Acceptation : valide (niveau 2) les faits prouvés par les pièces :",
            "Demandeur (Pièce d'identité du 12/03/2024) : Nom de naissance, Prénoms,",
            "Date de naissance",
            "▸Décision :          ◀ acceptation ▶",
            "Motif :             Ressources sous le plafond.",
            "Valider ces faits : ◀ oui ▶",
            "Entrée : valider · Tab : champ suivant · Échap : annuler · ←/→ : choisir",
            "",
        ])
        h.press(.tab, .tab, .enter)
        XCTAssertTrue(h.messageArea.contains("acceptation décidée. 3 faits validés sur pièce."), h.messageArea)
        let facts = try TierService(store: h.store).snapshot(id: parent).current
        XCTAssertEqual([facts[.birthName]?.level, facts[.givenNames]?.level, facts[.birthDate]?.level],
                       [.validated, .validated, .validated])
        XCTAssertEqual(facts[.birthName]?.reference?.hasPrefix("decision:BS-2026-000001"), true)
    }

    func testAnsweringNonOrRefusingValidatesNothing() throws {
        let h = try ScreenHarness(roles: [.reception, .supervisor], catalog: ScreenProcedures.catalog)
        let (id, parent) = try proposedGrant(h)
        h.app.open(try DossierReviewScreen(session: h.session, dossierID: id))
        h.app.renderFrame()
        h.press(.key(.function(9)), .tab, .tab, .right)
        XCTAssertTrue(h.screen.contains("Valider ces faits : ◀ non ▶"), h.screen)
        h.press(.enter)
        XCTAssertEqual(try DossierService(store: h.store).dossier(id: id).state, .accepted)
        XCTAssertEqual(try TierService(store: h.store).snapshot(id: parent).current[.birthName]?.level, .declared)
    }
}
