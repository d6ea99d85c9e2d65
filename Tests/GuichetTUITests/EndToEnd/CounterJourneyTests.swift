import Foundation
import XCTest

/// The counter agent's journeys, end to end: the real binary in tmux, keys sent as an agent types.
final class CounterJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var sessions: [TmuxSession] = []

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journeys act as a counter login through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
        let csv = guichet.write("tiers.csv", """
            type,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone
            personne,Wamytan,Hélène,F,14/03/1985,Nouméa,98800,25 12 34
            personne,Wamytan,Noé,M,10/10/2015,Nouméa,98800,
            personne,Lefèvre,Jérôme,M,02/07/1970,Dumbéa,98835,

            """)
        XCTAssertEqual(try guichet.run(["import", "tiers", csv]).status, 0)
        XCTAssertEqual(try guichet.run(["demo-data", "--tiers", "2000", "--seed", "3"]).status, 0)
    }

    override func tearDown() {
        sessions.forEach { $0.kill() }
        guichet?.remove()
    }

    /// Starts the application as the counter agent.
    private func start() throws -> TmuxSession {
        let session = try TmuxSession([GuichetProcess.executable], environment: [
            "GUICHET_DB": guichet.database, "GUICHET_LOGIN": "accueil1", "TERM": "xterm-256color",
            "XDG_CONFIG_HOME": guichet.directory + "/config", "LANG": "C.UTF-8", "HOME": guichet.directory,
        ])
        sessions.append(session)
        try session.waitFor("Bonjour Marie Gorodey")
        return session
    }

    func testSearchHeleneWamitanFindsHeleneWamytan() throws {
        let tmux = try start()
        try tmux.keys("F5")
        try tmux.waitFor("Rechercher :")
        try tmux.type("helene wamitan")
        let screen = try tmux.waitFor("WAMYTAN Hélène")
        let firstRow = screen.split(separator: "\n").first { $0.contains("14/03/1985") || $0.contains("WAMYTAN") }
        XCTAssertTrue(firstRow?.contains("WAMYTAN Hélène") == true, screen)
        try tmux.keys("Enter")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.waitFor("25.12.34")
        try tmux.keys("C-q")
        try tmux.waitFor("the application quits", { _ in (try? tmux.hasExited()) == true })
    }

    func testCreateAPersonWithAnImpossibleDateFixItAndSave() throws {
        let tmux = try start()
        try tmux.keys("F2")
        try tmux.waitFor("Saisie d'une personne")
        try tmux.type("Kaloï")
        try tmux.keys("Tab", "Tab")
        try tmux.type("Paul Éloi")
        try tmux.keys("Tab", "Tab")
        try tmux.type("31/02/2001")
        try tmux.keys("Tab")
        try tmux.waitFor("Date de naissance : le 31/02/2001 n'existe pas.")
        try tmux.keys("BTab")
        for _ in 0..<10 { try tmux.keys("BSpace") }
        try tmux.type("28/02/2001")
        try tmux.keys("F10")
        try tmux.waitFor("Fiche : KALOÏ Paul Éloi")
        try tmux.waitFor("créée.")
        let found = try guichet.run(["search", "kaloi", "paul"], as: "accueil1")
        XCTAssertTrue(found.stdout.contains("KALOÏ Paul Éloi\t28/02/2001"), found.stdout)
    }

    func testSavingBesideALikelyDuplicateAsksFirstThenCreatesAnywayOnlyWhenAsked() throws {
        let tmux = try start()
        try tmux.keys("F2")
        try tmux.waitFor("Saisie d'une personne")
        try tmux.type("Ouamytan")
        try tmux.keys("Tab", "Tab")
        try tmux.type("Helene")
        try tmux.keys("Tab", "Tab")
        try tmux.type("14/03/1985")
        // F10 with the focus still on the birth date: the check runs all the same.
        try tmux.keys("F10")
        try tmux.waitFor("Doublon probable")
        try tmux.waitFor("WAMYTAN Hélène 14/03/1985")
        try tmux.waitFor("o : ouvrir cette fiche   c : créer quand même   Échap : revenir")
        try tmux.keys("Escape")
        try tmux.waitFor("Rien n'a été créé : la saisie continue.")
        try tmux.keys("F10")
        try tmux.waitFor("Doublon probable")
        try tmux.keys("o")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.keys("F3")
        try tmux.waitFor("Saisie d'une personne")
        try tmux.keys("F10")
        try tmux.waitFor("Doublon probable")
        try tmux.keys("c")
        try tmux.waitFor("Fiche : OUAMYTAN Helene")
        let found = try guichet.run(["search", "ouamytan", "helene"], as: "accueil1")
        XCTAssertTrue(found.stdout.contains("OUAMYTAN Helene\t14/03/1985"), found.stdout)
    }

    func testResizeTo60x20AndBack() throws {
        let tmux = try start()
        try tmux.keys("F5")
        try tmux.type("wamytan")
        try tmux.waitFor("WAMYTAN Hélène")
        try tmux.resize(columns: 60, rows: 20)
        try tmux.waitFor("Terminal trop petit : 60×20.")
        try tmux.resize(columns: 80, rows: 24)
        let screen = try tmux.waitFor("WAMYTAN Hélène")
        XCTAssertTrue(screen.contains("Rechercher : wamytan"), screen)
    }

    func testAKilledFormComesBackAsADraftLosingAtMostTheFieldBeingTyped() throws {
        let tmux = try start()
        try tmux.keys("F2")
        try tmux.waitFor("Saisie d'une personne")
        try tmux.type("Tjibaou")
        try tmux.keys("Tab", "Tab")
        try tmux.type("Mari") // still in the field when the process dies
        try tmux.waitFor("the given names being typed") { screen in
            screen.split(separator: "\n").contains { $0.contains("Prénoms*") && $0.contains("Mari") }
        }
        kill(try tmux.pid(), SIGKILL)
        try tmux.waitFor("the process is gone", { _ in (try? tmux.hasExited()) == true })

        let again = try start()
        let home = try again.waitFor("Nouvelle personne : TJIBAOU")
        XCTAssertFalse(home.contains("TJIBAOU Mari"), "the field being typed is the most that is lost")
        try again.keys("Enter")
        let form = try again.waitFor("Saisie d'une personne")
        XCTAssertTrue(form.contains("Tjibaou"), form)
    }

    func testADroppedSessionSavesEvenTheFieldBeingTyped() throws {
        let tmux = try start()
        try tmux.keys("F2")
        try tmux.waitFor("Saisie d'une personne")
        try tmux.type("Tjibaou")
        try tmux.keys("Tab", "Tab")
        try tmux.type("Marie-Claude")
        try tmux.waitFor("Marie-Claude")
        XCTAssertTrue(try guichet.run(["summary"]).status == 0)
        kill(try tmux.pid(), SIGHUP)
        try tmux.waitFor("the process leaves", { _ in (try? tmux.hasExited()) == true })

        let again = try start()
        try again.waitFor("Nouvelle personne : TJIBAOU Marie-Claude")
    }
}
