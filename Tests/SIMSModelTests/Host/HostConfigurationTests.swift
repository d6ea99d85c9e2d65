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

    func testMistakesAreRefusedWithTheirLine() {
        XCTAssertThrowsError(try HostConfiguration.parse("compte = guichet\nGUICHET_LOGIN = admin\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".hasPrefix("g.conf, ligne 2 : clé inconnue « GUICHET_LOGIN »"), "\($0)")
        }
        XCTAssertThrowsError(try HostConfiguration.parse("GUICHET_DB = /x\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".contains("« compte = NOM »"), "\($0)")
        }
        XCTAssertThrowsError(try HostConfiguration.parse("compte = guichet\n[poste 1]\n", file: "g.conf")) {
            XCTAssertTrue("\($0)".contains("ligne 2 : section inconnue"), "\($0)")
        }
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
