import Foundation
@testable import guichet
@testable import GuichetTUI
import SIMSModel
import XCTest

/// A shared host set up by `guichet serveur installer`, as root, for the tests of its boundary:
/// the service account, the agents' group, users of each role and one outside the group, and
/// the helpers that run commands as them. Root only: it creates users and writes /etc.
class SharedHostTestCase: XCTestCase {
    let account = "gtest-svc", group = "gtest-agents"
    let users = ["gtacc", "gtsup", "gtadm", "gtnon"]
    var folder = ""
    var tmux: TmuxSession?
    /// The options of /proc before the test, put back afterwards (the installer remounts it).
    private var procOptions: String?

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("creates users and a sudo rule: root only") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sudo") else { throw XCTSkip("sudo is not installed (.ci/setup installs it)") }
        guard !FileManager.default.fileExists(atPath: "/etc/guichet/guichet.conf") else {
            throw XCTSkip("a real Guichet installation is on this host: not touched")
        }
        folder = "/tmp/gtest-srv-" + UUID().uuidString.prefix(8)
        procOptions = Self.currentProcOptions()
    }

    override func tearDown() {
        guard !folder.isEmpty else { return }
        if let tmux {
            // userdel refuses a user whose processes still run: the agent's guichet ends with its pane.
            tmux.kill()
            Thread.sleep(forTimeInterval: 0.5)
        }
        for user in users { _ = try? run("/usr/sbin/userdel", ["-r", user]) }
        _ = try? run("/usr/sbin/userdel", [account])
        _ = try? run("/usr/sbin/groupdel", [group])
        _ = try? run("/usr/sbin/groupdel", [account])
        for path in ["/etc/guichet/guichet.conf", "/etc/sudoers.d/guichet", "/usr/local/bin/guichet", folder, "/tmp/gtest-tiers.csv",
                     "/etc/guichet/gtest-scanimage", "/etc/guichet/gtest-lp", "/etc/guichet/gtest-sane.d"] {
            try? FileManager.default.removeItem(atPath: path)
        }
        rmdir("/etc/guichet")
        if let procOptions, !ServerLayout.procHidesProcesses(options: procOptions),
           ServerLayout.procHidesProcesses(options: Self.currentProcOptions() ?? "") {
            _ = try? run("/bin/mount", ["-o", "remount,hidepid=0", "/proc"])
        }
    }

    /// Installs the host, creates the store with one agent of each role and the users, and
    /// imports Hélène WAMYTAN.
    func installHost() throws {
        let installed = try run(GuichetProcess.executable, installation)
        XCTAssertEqual(installed.status, 0, installed.stdout + installed.stderr)
        try createStoreAndAgents()
    }

    /// `guichet serveur installer` of this host.
    var installation: [String] { ["serveur", "installer", "--dossier", folder, "--compte", account, "--groupe", group] }

    /// The store, created by the service account (as root runs it, from cron or by hand), with
    /// one agent of each role and Hélène WAMYTAN, and the users, all in the group but gtnon.
    func createStoreAndAgents() throws {
        XCTAssertEqual(try run(as: account, ["guichet", "init", "--name", "Compte de service"]).status, 0)
        for (login, name, role) in [("gtacc", "Marie Gorodey", "accueil"), ("gtsup", "Anne Tein", "superviseur"),
                                    ("gtadm", "Paul Néaoutyine", "administrateur")] {
            try run(as: account, ["guichet", "agent", "add", login, "--name", name, "--role", role])
        }
        try Data("type,nom_naissance,prenoms,date_naissance\npersonne,Wamytan,Hélène,14/03/1985\n".utf8)
            .write(to: URL(fileURLWithPath: "/tmp/gtest-tiers.csv"))
        chmod("/tmp/gtest-tiers.csv", 0o644)
        let imported = try run(as: account, ["guichet", "import", "tiers", "/tmp/gtest-tiers.csv", "--rejects", folder + "/rejets.csv"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        for user in users { try run("/usr/sbin/useradd", ["--create-home", user]) }
        for user in ["gtacc", "gtsup", "gtadm"] { try run("/usr/sbin/usermod", ["-aG", group, user]) }
    }

    /// Asserts the store is whole and every agent still works on it.
    func assertStoreWholeAndUsable(file: StaticString = #filePath, line: UInt = #line) throws {
        let checked = try run(as: account, ["guichet", "check"])
        XCTAssertEqual(checked.status, 0, checked.stdout + checked.stderr, file: file, line: line)
        let found = try run(as: "gtacc", ["guichet", "search", "wamytan"])
        XCTAssertEqual(found.status, 0, found.stderr, file: file, line: line)
        XCTAssertTrue(found.stdout.contains("WAMYTAN Hélène"), found.stdout, file: file, line: line)
    }

    /// Writes `text` to `path` as a file of `user`'s.
    func write(_ text: String, to path: String, ownedBy user: String, mode: mode_t = 0o600) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try run("/bin/chown", ["\(user):\(user)", path])
        chmod(path, mode)
    }

    @discardableResult
    func run(_ program: String, _ arguments: [String]) throws -> GuichetProcess.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        return try GuichetProcess.outcome(of: process)
    }

    /// Runs a command as `user` from a clean login-like environment plus `environment`, in
    /// their home folder.
    @discardableResult
    func run(as user: String, _ command: [String], environment: [String] = []) throws -> GuichetProcess.Result {
        let home = user == account ? "/" : "/home/\(user)"
        return try run("/usr/sbin/runuser", ["-u", user, "--", "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                                             "HOME=\(home)", "LANG=C.UTF-8"] + environment + ["/bin/sh", "-c", "cd \"$HOME\" && exec \"$@\"", "sh"] + command)
    }

    /// The options /proc is mounted with now.
    static func currentProcOptions() -> String? {
        ServerLayout.procOptions(mountinfo: (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? "")
    }
}
