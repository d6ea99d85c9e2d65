import Foundation
import XCTest
@testable import SIMSModel

/// On a shared host the administrator's file, not the agent, chooses the store and the programs;
/// the agent is who sudo says.
final class HostConfigurationTests: XCTestCase {
    private let text = """
        # /etc/guichet/guichet.conf
        compte = guichet
        GUICHET_DB = /srv/guichet/sims.sqlite
        GUICHET_COMMANDE_IMPRESSION = lp

        [agent mgorodey]
        GUICHET_SCANNER = airscan:e0:Canon MF740C
        GUICHET_IMPRIMANTE = accueil-1
        """

    func testTheAdministratorsSettingsReplaceTheAgentsEnvironment() throws {
        let configuration = try HostConfiguration.parse(text, file: "guichet.conf")
        XCTAssertEqual(configuration.account, "guichet")
        let caller = ["GUICHET_DB": "/home/mgorodey/a-moi.sqlite", "GUICHET_COMMANDE_TESSERACT": "/tmp/piege.sh",
                      "GUICHET_LOGIN": "admin", "TERM": "xterm-256color", "SUDO_USER": "mgorodey"]
        let environment = configuration.environment(from: caller, login: "mgorodey")
        XCTAssertEqual(environment, ["GUICHET_DB": "/srv/guichet/sims.sqlite", "GUICHET_COMMANDE_IMPRESSION": "lp",
                                     "GUICHET_SCANNER": "airscan:e0:Canon MF740C", "GUICHET_IMPRIMANTE": "accueil-1",
                                     "TERM": "xterm-256color", "SUDO_USER": "mgorodey"])
        XCTAssertNil(configuration.environment(from: caller, login: "jwayenece")["GUICHET_SCANNER"])
    }

    func testTheAgentsGroupIsRecordedWhenNamed() throws {
        XCTAssertNil(try HostConfiguration.parse(text, file: "guichet.conf").group)
        XCTAssertEqual(try HostConfiguration.parse("compte = guichet\ngroupe = guichet-agents\n", file: "g.conf").group, "guichet-agents")
    }

    func testMistakesAreRefusedWithTheirLine() {
        XCTAssertThrowsError(try HostConfiguration.parse("compte = guichet\nGUICHET_LOGIN = admin\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".hasPrefix("g.conf, ligne 2 : clé inconnue « GUICHET_LOGIN »"), "\($0)")
        }
        XCTAssertThrowsError(try HostConfiguration.parse("GUICHET_DB = /x\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".contains("« compte = NOM »"), "\($0)")
        }
        XCTAssertThrowsError(try HostConfiguration.parse("compte = guichet\n[guichet 1]\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".contains("ligne 2 : section inconnue, attendu : [agent IDENTIFIANT] ou [poste NOM]"), "\($0)")
        }
    }

    private let counters = """
        compte = guichet
        GUICHET_DB = /srv/guichet/sims.sqlite
        GUICHET_IMPRIMANTE = accueil
        GUICHET_SCANNER = test

        [poste accueil-1]
        adresse = 10.0.1.21, 10.0.1.22
        GUICHET_SCANNER = airscan:e0:Canon MF740C (accueil 1)
        GUICHET_IMPRIMANTE = accueil-1

        [poste console]
        terminal = tty1
        GUICHET_IMPRIMANTE = console

        [agent mgorodey]
        GUICHET_IMPRIMANTE = bureau-mgorodey
        """

    func testACountersSettingsApplyToItsSessionsAndTheAgentsOwnWin() throws {
        let configuration = try HostConfiguration.parse(counters, file: "guichet.conf")
        XCTAssertEqual(configuration.counters.map(\.name), ["accueil-1", "console"])
        let atCounter = SessionOrigin(line: "pts/3", address: "10.0.1.22")
        // agent > poste > defaults
        let jean = configuration.environment(from: [:], login: "jwayenece", origin: atCounter)
        XCTAssertEqual(jean["GUICHET_SCANNER"], "airscan:e0:Canon MF740C (accueil 1)")
        XCTAssertEqual(jean["GUICHET_IMPRIMANTE"], "accueil-1")
        let marie = configuration.environment(from: [:], login: "mgorodey", origin: atCounter)
        XCTAssertEqual(marie["GUICHET_SCANNER"], "airscan:e0:Canon MF740C (accueil 1)")
        XCTAssertEqual(marie["GUICHET_IMPRIMANTE"], "bureau-mgorodey")
        // Another address, or no login session at all (tmux, cron): the defaults.
        let elsewhere = configuration.environment(from: [:], login: "jwayenece", origin: SessionOrigin(line: "pts/4", address: "10.0.9.9"))
        XCTAssertEqual(elsewhere["GUICHET_SCANNER"], "test")
        XCTAssertEqual(configuration.environment(from: [:], login: "jwayenece", origin: nil)["GUICHET_IMPRIMANTE"], "accueil")
        // A console of the host is recognised by its terminal, a remote session never is.
        XCTAssertEqual(configuration.counter(for: SessionOrigin(line: "tty1", address: ""))?.name, "console")
        XCTAssertNil(configuration.counter(for: SessionOrigin(line: "tty1", address: "10.0.9.9")))
        XCTAssertEqual(configuration.unknownKeys, [])
    }

    func testBadCounterSectionsAreRefusedWithTheirLineAndUnknownKeysAreListed() throws {
        func refusal(_ text: String) -> String {
            do { _ = try HostConfiguration.parse("compte = guichet\n" + text, file: "g.conf"); return "accepté" } catch { return "\(error)" }
        }
        XCTAssertEqual(refusal("[poste accueil-1]\nGUICHET_IMPRIMANTE = a\n[agent x]\n"),
                       "g.conf, ligne 2 : le poste « accueil-1 » n'a ni adresse ni terminal : ajoutez « adresse = IP du poste » "
                        + "(ou « terminal = tty1 » pour une console du serveur).")
        XCTAssertTrue(refusal("[poste a]\nadresse = 10.0.1.21\n[poste b]\nadresse = 10.0.1.21\n")
            .hasPrefix("g.conf, ligne 5 : l'adresse 10.0.1.21 est déjà celle du poste « a » (ligne 2)"))
        XCTAssertTrue(refusal("adresse = 10.0.1.21\n").hasPrefix("g.conf, ligne 2 : « adresse » se place dans une section [poste NOM]"))
        XCTAssertTrue(refusal("[poste a]\nadresse = 10.0.1.21 ; rm\n").hasPrefix("g.conf, ligne 3 : adresse invalide"))
        XCTAssertTrue(refusal("[poste a]\nterminal = pts/3\n").hasPrefix("g.conf, ligne 3 : terminal invalide « pts/3 »"))
        XCTAssertTrue(refusal("[poste a]\nadresse = 10.0.1.1\n[poste a]\n").hasPrefix("g.conf, ligne 4 : section en double"))
        XCTAssertTrue(refusal("[poste a b]\n").hasPrefix("g.conf, ligne 2 : section inconnue"))
        let typo = try HostConfiguration.parse("compte = guichet\n[poste a]\nadresse = 10.0.1.1\nGUICHET_SCANER = x\n", file: "g.conf")
        XCTAssertEqual(typo.unknownKeys, ["ligne 4 : « GUICHET_SCANER »"])
    }

    func testTheCounterIsTheTerminalRootsSshdGaveTheSessionAndItsUtmpAddress() throws {
        let pts = { (n: Int) in 136 << 8 | n }
        // guichet ← sudo ← bash (pts/0) ← sshd: agent@pts/0 ← sshd: agent [priv] (root)
        XCTAssertEqual(SessionOrigin.loginLine(ancestors: [(0, "sudo", pts(0)), (1001, "bash", pts(0)), (1001, "sshd", 0), (0, "sshd", 0)]),
                       "pts/0")
        // `script` (or a pane the agent made) inside the session: still the session's own terminal.
        XCTAssertEqual(SessionOrigin.loginLine(ancestors: [(0, "sudo", pts(7)), (1001, "bash", pts(7)), (1001, "script", pts(0)),
                                                           (1001, "bash", pts(0)), (0, "sshd-session", 0)]), "pts/0")
        // A tmux server, detached from any login: no counter, whatever utmp says of its pane.
        XCTAssertNil(SessionOrigin.loginLine(ancestors: [(0, "sudo", pts(5)), (1001, "bash", pts(5)), (1001, "tmux: server", 0),
                                                         (1001, "systemd", 0)]))
        // A console of the host.
        XCTAssertEqual(SessionOrigin.loginLine(ancestors: [(0, "sudo", 4 << 8 | 1), (1001, "bash", 4 << 8 | 1), (0, "login", 0)]), "tty1")

        let utmp = NSTemporaryDirectory() + "utmp-" + UUID().uuidString
        defer { unlink(utmp) }
        let records = SessionOrigin.record(user: "mgorodey", line: "pts/0", host: "10.0.1.21")
            + SessionOrigin.record(user: "jwayenece", line: "pts/1", host: "10.0.1.30")
        try Data(records).write(to: URL(fileURLWithPath: utmp))
        let sessions = SessionOrigin.loginSessions(utmpFile: utmp)
        XCTAssertEqual(sessions.map(\.user), ["mgorodey", "jwayenece"])
        XCTAssertEqual(sessions.map(\.origin), [SessionOrigin(line: "pts/0", address: "10.0.1.21"),
                                                 SessionOrigin(line: "pts/1", address: "10.0.1.30")])
        XCTAssertEqual(SessionOrigin.lineName(device: (137 << 8) | 44), "pts/300")
    }

    func testAFileOthersCouldWriteIsRefused() throws {
        let path = NSTemporaryDirectory() + "guichet-conf-" + UUID().uuidString
        defer { unlink(path) }
        try Data("compte = guichet\n".utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o666)
        XCTAssertThrowsError(try HostConfiguration.load(path: path)) {
            XCTAssertTrue("\($0)".contains("doit appartenir à root et n'être modifiable que par lui"), "\($0)")
        }
        chmod(path, 0o644)
        if geteuid() == 0 { XCTAssertEqual(try HostConfiguration.load(path: path)?.account, "guichet") }
        XCTAssertNil(try HostConfiguration.load(path: path + ".absent"))
    }

    func testTheAgentIsWhoSudoSaysOnlyUnderTheServiceAccount() throws {
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let sudo = ["SUDO_USER": "mgorodey", "GUICHET_LOGIN": "admin"]
        if geteuid() == 0 {
            // root keeps its own way (GUICHET_LOGIN); SUDO_USER never makes root someone else.
            XCTAssertEqual(LoginResolver.current(environment: sudo, serviceAccount: me), "admin")
            XCTAssertEqual(LoginResolver.current(environment: ["SUDO_USER": "mgorodey"], serviceAccount: me), me)
        } else {
            XCTAssertEqual(LoginResolver.current(environment: sudo, serviceAccount: me), "mgorodey")
            XCTAssertEqual(LoginResolver.current(environment: sudo, serviceAccount: "guichet-autre"), me)
        }
    }

    func testStoreAndDocumentsAreKeptFromOthersWhateverTheUmask() throws {
        let old = umask(0o022)
        defer { umask(old) }
        let directory = NSTemporaryDirectory() + "guichet-modes-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SIMSStore.open(path: directory + "/base/sims.sqlite", create: true)
        let admin = try AgentService(store: store).initialise(login: "admin", fullName: "Admin")
        try AgentService(store: store).add(login: "accueil", fullName: "Marie Gorodey", roles: [.reception], services: [], by: admin)
        let counter = try AgentService(store: store).authenticate(login: "accueil")
        let tier = try TierService(store: store).create(kind: .person, values: [.givenNames: "Hélène", .birthName: "Wamytan",
                                                                                 .birthDate: "14/03/1985"], by: counter)
        let scan = URL(fileURLWithPath: directory + "/scan.pdf")
        try Data("%PDF-1.4".utf8).write(to: scan)
        try DocumentService(store: store).attach(fileAt: scan, type: .proofOfAddress, owners: [tier.id], by: counter)
        func mode(_ path: String) -> Int? {
            (try? FileManager.default.attributesOfItem(atPath: directory + "/base/" + path))?[.posixPermissions] as? Int
        }
        XCTAssertEqual(mode(""), 0o700)
        XCTAssertEqual(mode("sims.sqlite"), 0o600)
        XCTAssertEqual(mode("sims.sqlite-wal"), 0o600)
        XCTAssertEqual(mode("sims.sqlite-shm"), 0o600)
        XCTAssertEqual(mode("documents"), 0o700)
        let shard = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/base/documents").first { $0.count == 2 })
        XCTAssertEqual(mode("documents/" + shard), 0o700)
        let file = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory + "/base/documents/" + shard).first)
        XCTAssertEqual(mode("documents/\(shard)/\(file)"), 0o600)
    }
}
