import Foundation
import SIMSModel
import XCTest

/// Levels that mean something, with the real binary in tmux: at the counter, an agent verifies
/// Hélène Wamytan's identity against her ID card scanned there and then (SANE's test backend); her
/// new school grant reuses the card; a superviseur accepts it, which validates the facts; the
/// search then marks her identity ✔.
final class VerificationJourneyTests: FamilyJourneyTestCase {
    override var agents: [(login: String, name: String, role: String)] {
        [("jinstr", "Jean Instructeur", "instructeur"), ("asup", "Anne Superviseure", "superviseur")]
    }

    override func setUpWithError() throws {
        guard ScanJourneyTests.installed("scanimage"), ScanJourneyTests.installed("img2pdf") else {
            throw XCTSkip("scanimage and img2pdf are needed")
        }
        try super.setUpWithError()
        try FileManager.default.createDirectory(atPath: guichet.directory + "/sane.d", withIntermediateDirectories: true)
        _ = guichet.write("sane.d/dll.conf", "test\n")
        _ = guichet.write("sane.d/test.conf", "number_of_devices 1\n")
    }

    /// Hélène's line in the search results.
    private static func helene(_ screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains("WAMYTAN Hélène") && $0.contains("14/03/1985") }.map(String.init) ?? ""
    }

    func testAnAgentVerifiesOnAScannedCardASuperviseurValidatesTheSearchShowsIt() throws {
        let scanner = ["SANE_CONFIG_DIR": guichet.directory + "/sane.d", "GUICHET_SCANNER": "test",
                       "GUICHET_SCANNER_SOURCE": "Flatbed"]
        let counter = try open(as: "accueil1", scanner)
        try counter.waitFor("Bonjour Marie Gorodey")
        try counter.keys("F5")
        try counter.type("wamytan helene")
        let found = try counter.waitFor("WAMYTAN Hélène")
        XCTAssertTrue(Self.helene(found).hasSuffix("·"), "declared at first: \(Self.helene(found))")
        try counter.keys("Enter")
        try counter.waitFor("Fiche : WAMYTAN Hélène")
        try counter.keys("Down", "IC", "Down", "IC", "Down", "IC")   // past « Renouveler »: Nom de naissance, Prénoms, Date de naissance
        try counter.waitFor("■ Date de naissa…")
        try counter.keys("F2")
        try counter.waitFor("Vérifier sur pièce : Nom de naissance, Prénoms, Date de naissance")
        try counter.waitFor("◀ Numériser une pièce maintenant ▶")  // nothing on file yet
        try counter.keys("Enter")
        try counter.waitFor("Quel type de pièce numériser ?")
        try counter.keys("Enter")                                 // Pièce d'identité, the first type
        try counter.waitFor("Pièce jointe : Pièce d'identité", timeout: 20)
        try counter.type("12/03/2024")
        try counter.keys("Enter")
        try counter.waitFor("◀ Pièce d'identité du 12/03/2024 ▶")   // back on the record, the form with the card
        try counter.keys("Enter")
        try counter.waitFor("3 faits vérifiés sur Pièce d'identité du 12/03/2024.")
        try counter.waitFor("Pièce d'identité   ✓ 1")
        try counter.keys("Up")                                     // on the birth date: where it was verified
        try counter.waitFor("vérifié sur Pièce d'identité du 12/03/2024 · par accueil1")
        try quit(counter)

        // Her new school grant reuses the card on file; Jean proposes to accept it.
        let store = try SIMSStore.open(path: guichet.database)
        let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: JourneyFamily.proceduresDirectory))
        let grant = try XCTUnwrap(catalog.procedure(code: "BS"))
        let accueil = try AgentService(store: store).authenticate(login: "accueil1")
        var intake = try DossierService(store: store).start(grant, applicantID: family.parentID, beneficiaryID: family.childID,
                                                            by: accueil)
        guard case .reused = intake.dossier.pieces["identite"] else { return XCTFail("the card is offered: \(intake.dossier.pieces)") }
        intake.dossier.answers.merge(["etablissement": "École Frédéric Surleau", "classe": "CM2", "annee_scolaire": "2027",
                                      "situation_familiale": "Marié(e)", "enfants_a_charge": "2", "revenus_annuels": "1850000"]) { $1 }
        let number = try XCTUnwrap(DossierService(store: store).submit(intake.dossier, procedure: grant, by: accueil).dossier.number)
        let jean = try AgentService(store: store).authenticate(login: "jinstr")
        let workflow = WorkflowService(store: store)
        let claimed = try XCTUnwrap(workflow.takeNext(by: jean))
        let mine = claimed.number == number ? claimed : try XCTUnwrap(workflow.takeNext(by: jean))
        try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: mine.id, reviewLevels: 2, by: jean)
        try store.close()

        let supervisor = try open(as: "asup")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        try supervisor.keys("f")
        try supervisor.waitFor("Files d'instruction")
        for _ in 0..<4 { try supervisor.keys("F5") }
        try supervisor.waitFor("File : à valider")
        try supervisor.waitFor(number)
        try supervisor.keys("Enter")
        try supervisor.waitFor("Proposition : acceptation par Jean Instructeur")
        try supervisor.keys("F9")
        let form = try supervisor.waitFor("Acceptation : valide (niveau 2) les faits prouvés par les pièces :")
        XCTAssertTrue(form.contains("Demandeur (Pièce d'identité du 12/03/2024) : Nom de naissance, Prénoms,"), form)
        XCTAssertTrue(form.contains("Valider ces faits : ◀ oui ▶"), form)
        try supervisor.keys("Tab", "Tab", "Enter")
        try supervisor.waitFor("acceptation décidée. 3 faits validés sur pièce.")
        try supervisor.keys("F3", "F3")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        try supervisor.keys("F5")
        try supervisor.type("wamytan helene")
        let validated = try supervisor.waitFor("Hélène's identity is validated") { Self.helene($0).hasSuffix("✔") }
        XCTAssertTrue(Self.helene(validated).contains("14/03/1985"), validated)
        try quit(supervisor)

        let reopened = try SIMSStore.open(path: guichet.database)
        let facts = try TierService(store: reopened).snapshot(id: family.parentID).current
        XCTAssertEqual(facts[.birthDate]?.level, .validated)
        XCTAssertEqual(facts[.birthDate]?.reference?.hasPrefix("decision:\(number)"), true)
        XCTAssertEqual(facts[.phone]?.level, .declared, "no piece proves the phone")
        XCTAssertNil(try ChainVerifier.verify(reopened).firstBreak)
    }
}
