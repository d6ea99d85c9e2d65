import Foundation
@testable import GuichetBench
@testable import GuichetTUI
import SIMSModel
import XCTest

/// A returning parent renews her child's school grant at the counter: the real binary in tmux.
final class RenewalJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var tmux: TmuxSession?
    private var parentID: Int64 = 0


    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as a counter login through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        parentID = try JourneyFamily.file(in: guichet).parentID
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    func testAReturningParentRenewsASchoolGrant() throws {
        let year = CalendarDate.today(now: Date()).year
        let tmux = try TmuxSession([GuichetProcess.executable], environment: JourneyFamily.environment(guichet, login: "accueil1"))
        self.tmux = tmux
        // Every key from the search screen to the récépissé is counted.
        var keys = 0
        func press(_ name: String) throws { keys += 1; try tmux.keys(name) }
        func type(_ text: String) throws { keys += text.count; try tmux.type(text) }
        try tmux.waitFor("Bonjour Marie Gorodey")
        try tmux.keys("F5")
        try tmux.waitFor("Guichet · Recherche d'un tiers")
        try type("wamytan h")
        try tmux.waitFor("WAMYTAN Hélène —")
        try press("Enter")
        // The record offers the renewal of last year's grant, for Léa, one key away.
        try tmux.waitFor("F11 : RBS pour WAMYTAN Léa, d'après BS-\(year)-000001")
        try press("F11")
        try tmux.waitFor("reprend BS-\(year)-000001")
        // The fields that usually change (`change_souvent`) come first; the focus is on the
        // address, kept as it is; Tab to the phone, whose value typing replaces.
        try tmux.waitFor("Changent souvent : à vérifier d'abord")
        try tmux.waitFor("Valeur sélectionnée : tapez pour la remplacer")
        try press("Tab")
        try type("784512")
        // « Changement de situation », required, is the next field.
        try press("Tab")
        try tmux.waitFor("Déménagement, naissance")
        try type("n")
        try press("F10")
        let receipt = try tmux.waitFor("RÉCÉPISSÉ DE DÉPÔT")
        XCTAssertTrue(receipt.contains("Dossier n° : RBS-\(year)-000001"), receipt)
        XCTAssertTrue(receipt.contains("Bénéficiaire : WAMYTAN Léa"), receipt)

        // The same paper typed from scratch: the same search, the catalogue route at its
        // shortest (F9, a letter, F2, Enter on the child) and every written field typed.
        let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: JourneyFamily.proceduresDirectory))
        let renewalProcedure = try XCTUnwrap(catalog.procedure(code: "RBS"))
        let paper = [
            "demandeur.nom_naissance": "WAMYTAN", "demandeur.prenoms": "Hélène", "demandeur.date_naissance": "14/03/1985",
            "demandeur.adresse": "12 rue de Sébastopol", "demandeur.commune": "Nouméa", "demandeur.code_postal": "98800",
            "demandeur.telephone": "78.45.12", "beneficiaire.nom_naissance": "WAMYTAN", "beneficiaire.prenoms": "Léa",
            "beneficiaire.date_naissance": "02/05/2016", "beneficiaire.sexe": "F", "etablissement": "École Frédéric Surleau",
            "classe": "CM2", "annee_scolaire": "2027", "situation_familiale": "Marié(e)", "enfants_a_charge": "2",
            "revenus_annuels": "1 850 000 F", "changement_situation": "non",
        ]
        let script = IntakeKeyingScript(paper: paper, today: CalendarDate.today(now: Date()))
        let fromScratch = "wamytan h".count + 1 + 4 + script.keysFromScratch(renewalProcedure.fields)
        let saved = 1 - Double(keys) / Double(fromScratch)
        XCTAssertEqual(keys, 21, "search, record, renewal, form")
        XCTAssertGreaterThanOrEqual(saved, 0.85, "\(keys) keys against \(fromScratch) from scratch")
        let tracking = try XCTUnwrap(receipt.components(separatedBy: "Code de suivi : ").dropFirst().first?.prefix(7))
        try tmux.keys("F3")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.waitFor("78.45.12")
        // Back later with the receipt: its tracking code, typed in the search, opens the dossier.
        try tmux.keys("F3")
        try tmux.waitFor("Guichet · Recherche d'un tiers")
        try tmux.keys("C-u")
        try tmux.type(tracking.lowercased())
        try tmux.waitFor("Dossier RBS-\(year)-000001 · Renouvellement")
        try tmux.keys("Enter")
        try tmux.waitFor("Guichet · Instruction")
        try tmux.waitFor("Demandeur : WAMYTAN Hélène")
        try tmux.keys("C-q")
        try tmux.waitFor("the application quits", { _ in (try? tmux.hasExited()) == true })

        let store = try SIMSStore.open(path: guichet.database)
        let parent = try TierService(store: store).snapshot(id: parentID)
        XCTAssertEqual(parent.value(.phone), "784512")
        XCTAssertEqual(parent.current[.phone]?.source, .dossier)
        XCTAssertEqual(parent.current[.phone]?.reference, "RBS-\(year)-000001")
        XCTAssertEqual(parent.history(of: .phone).last?.value, "251234", "the old phone stays in the history")
        let renewal = try DossierService(store: store).dossiers(ofTier: parentID).first
        XCTAssertEqual(renewal?.number, "RBS-\(year)-000001")
        XCTAssertEqual(renewal?.answers["classe"], "CM2")
        XCTAssertEqual(renewal?.answers["etablissement"], "École Frédéric Surleau", "taken from last year's dossier")
        let file = URL(fileURLWithPath: guichet.database).deletingLastPathComponent()
            .appendingPathComponent("recepisses/RBS-\(year)-000001.txt").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: file), "the récépissé is written beside the store")
    }
}
