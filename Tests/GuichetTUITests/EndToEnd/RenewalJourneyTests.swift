import Foundation
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
        try JourneyFamily.startRenewal(in: tmux)
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
