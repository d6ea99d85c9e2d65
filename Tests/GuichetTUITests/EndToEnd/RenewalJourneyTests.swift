import Foundation
import SIMSModel
import XCTest

/// A returning parent renews her child's school grant at the counter: the real binary in tmux.
final class RenewalJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var tmux: TmuxSession?
    private var parentID: Int64 = 0

    private static var proceduresDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("procedures").path
    }

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as a counter login through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
        // Last year: Hélène Wamytan applied for her daughter Léa's school grant.
        let store = try SIMSStore.open(path: guichet.database)
        let agent = try AgentService(store: store).authenticate(login: "accueil1")
        let tiers = TierService(store: store)
        let parent = try tiers.create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .address: "12 rue de Sébastopol",
            .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34",
        ], by: agent)
        parentID = parent.id
        let child = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Léa",
                                                             .birthDate: "02/05/2016", .sex: "F"], by: agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: agent)
        let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: Self.proceduresDirectory))
        let grant = try XCTUnwrap(catalog.procedure(code: "BS"))
        var intake = try DossierService(store: store).start(grant, applicantID: parent.id, beneficiaryID: child.id, by: agent)
        intake.dossier.answers.merge(["etablissement": "École Frédéric Surleau", "classe": "CM1", "annee_scolaire": "2026",
                                      "situation_familiale": "Marié(e)", "enfants_a_charge": "2",
                                      "revenus_annuels": "1850000"]) { $1 }
        try DossierService(store: store).submit(intake.dossier, procedure: grant, by: agent)
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    func testAReturningParentRenewsASchoolGrant() throws {
        let year = CalendarDate.today(now: Date()).year
        let tmux = try TmuxSession([GuichetProcess.executable], environment: [
            "GUICHET_DB": guichet.database, "GUICHET_LOGIN": "accueil1", "TERM": "xterm-256color",
            "GUICHET_PROCEDURES": Self.proceduresDirectory, "XDG_CONFIG_HOME": guichet.directory + "/config",
            "LANG": "C.UTF-8", "HOME": guichet.directory,
        ])
        self.tmux = tmux
        try tmux.waitFor("Bonjour Marie Gorodey")
        try tmux.keys("F5")
        try tmux.type("wamytan helene")
        try tmux.waitFor("WAMYTAN Hélène")
        try tmux.keys("Enter")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.keys("F9")
        try tmux.waitFor("Pour : WAMYTAN Hélène")
        try tmux.type("renouvellement bourse")
        try tmux.waitFor("RBS")
        try tmux.keys("F2")
        try tmux.waitFor("Pour qui est ce dossier ?")
        try tmux.waitFor("WAMYTAN Léa")
        try tmux.keys("Enter")
        try tmux.waitFor("reprend BS-\(year)-000001")
        try tmux.waitFor("↺ repris")
        // The focus is on the only required field left empty: « Changement de situation ».
        try tmux.type("n")
        try tmux.keys("Tab")                                   // back to the top of the form
        for _ in 0..<7 { try tmux.keys("Tab") }                // Téléphone
        try tmux.keys("C-u")
        try tmux.type("78 45 12")
        for _ in 0..<8 { try tmux.keys("Tab") }                // Classe à la rentrée
        try tmux.keys("C-u")
        try tmux.type("CM2")
        try tmux.keys("Tab")
        try tmux.waitFor("modifié")
        try tmux.keys("F10")
        let receipt = try tmux.waitFor("RÉCÉPISSÉ DE DÉPÔT")
        XCTAssertTrue(receipt.contains("Dossier n° : RBS-\(year)-000001"), receipt)
        XCTAssertTrue(receipt.contains("Bénéficiaire : WAMYTAN Léa"), receipt)
        try tmux.keys("F3")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.waitFor("78.45.12")
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
