import Foundation
import SIMSModel
import XCTest

/// Duplicates with the real binary in tmux: a file imported with `--doublons signaler` brings
/// Hélène Wamytan a second time; the superviseur's `doublons analyser --json` lists the pair; in
/// « Doublons » she opens it side by side and decides; `check` passes. (The merge, the redirect
/// and its undoing follow on « même personne » once the merge exists.)
final class DuplicateJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var tmux: TmuxSession?
    private var family: JourneyFamily!

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        family = try JourneyFamily.file(in: guichet)
        XCTAssertEqual(try guichet.run(["agent", "add", "asup", "--name", "Anne Superviseure", "--role", "superviseur"]).status, 0)
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    func testASuperviseurReviewsAPairFoundByTheImportSideBySideAndDecides() throws {
        let csv = guichet.write("ecoles.csv", "type,nom_naissance,prenoms,date_naissance,telephone\npersonne,Ouamytan,Helene,14/03/1985,25 12 34\n")
        let imported = try guichet.run(["import", "tiers", csv, "--doublons", "signaler"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("1 paire de doublons probables dans la file « Doublons » (1 nouvelle) ; rien n'a été fusionné."),
                      imported.stdout)

        let analysed = try guichet.run(["doublons", "analyser", "--json"], as: "asup")
        XCTAssertEqual(analysed.status, 0, analysed.stderr)
        let pairs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(pairs.count, 1, analysed.stdout)
        XCTAssertEqual(pairs.first?["tier_a"] as? Int, Int(family.parentID))
        XCTAssertEqual((pairs.first?["raisons"] as? [String])?.contains("même téléphone"), true, analysed.stdout)

        let session = try TmuxSession([GuichetProcess.executable], environment: JourneyFamily.environment(guichet, login: "asup"))
        tmux = session
        try session.waitFor("Doublons probables à revoir")
        try session.keys("D")
        try session.waitFor("1 paire à revoir")
        try session.waitFor("OUAMYTAN Helene")
        try session.keys("Enter")
        try session.waitFor("Paire n° 1 · probabilité")
        let side = try session.waitFor("Nom de naissance ≠ · Wamytan")
        XCTAssertTrue(side.contains("Prénoms            · Hélène"), "accents aside, the given names are the same: \(side)")
        try session.keys("F6")
        try session.waitFor("enregistrée ; elle ne sera plus proposée")
        try session.waitFor("Aucune paire à revoir")
        try session.keys("C-q")
        try session.waitFor("the application quits", { _ in (try? session.hasExited()) == true })

        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let again = try guichet.run(["doublons", "analyser"], as: "asup")
        XCTAssertTrue(again.stdout.contains("1 paire déjà décidée n'est pas reproposée."), again.stdout)
    }
}
