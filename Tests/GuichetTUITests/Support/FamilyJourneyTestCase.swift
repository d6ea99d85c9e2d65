import Foundation
import XCTest

/// A tmux journey against the real binary over the family's store (``JourneyFamily``: the
/// counter agent « accueil1 », Hélène Wamytan, Léa and their grant), with the agents of
/// ``agents`` added; skipped without tmux, or when not root (logins switch through
/// GUICHET_LOGIN). Subclasses add their own set-up after `super.setUpWithError()`.
class FamilyJourneyTestCase: XCTestCase {
    var guichet: GuichetProcess!
    var tmux: TmuxSession?
    var family: JourneyFamily!

    /// The agents added after the family: login, full name, role.
    var agents: [(login: String, name: String, role: String)] { [("asup", "Anne Superviseure", "superviseur")] }

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        family = try JourneyFamily.file(in: guichet)
        for agent in agents {
            XCTAssertEqual(try guichet.run(["agent", "add", agent.login, "--name", agent.name, "--role", agent.role]).status, 0)
        }
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    /// Opens Guichet in tmux as `login` (closing the previous session), with `extra` environment.
    func open(as login: String, _ extra: [String: String] = [:]) throws -> TmuxSession {
        tmux?.kill()
        let session = try TmuxSession([GuichetProcess.executable],
                                      environment: JourneyFamily.environment(guichet, login: login).merging(extra) { $1 })
        tmux = session
        return session
    }

    /// Quits with Ctrl-Q and waits for the program to end.
    func quit(_ session: TmuxSession) throws {
        try session.keys("C-q")
        try session.waitFor("the application quits", { _ in (try? session.hasExited()) == true })
    }
}
