import Foundation
@testable import guichet
@testable import GuichetTUI
import SIMSModel
import XCTest

/// The tries of issue 22 against a shared host's boundary, by an accueil agent, a superviseur,
/// an administrateur and a non-agent: the service account's side never opens a path an agent
/// names; each try is refused in French, and the store stays whole and usable.
final class SharedHostBoundaryTests: SharedHostTestCase {
    func testExportOverTheStoreOrIntoItsFolderIsRefused() throws {
        try installHost()
        let over = try run(as: "gtsup", ["guichet", "export", "dossiers", "--csv", "--sortie", folder + "/sims.sqlite", "--ecraser"])
        XCTAssertEqual(over.status, 1, over.stdout + over.stderr)
        XCTAssertTrue(over.stderr.contains("Impossible d'écrire dans le dossier \(folder) : vous n'y avez pas le droit d'écrire ; "
            + "choisissez un dossier à vous"), over.stderr)
        XCTAssertFalse(over.stderr.contains("exportés"), over.stderr)
        let into = try run(as: "gtsup", ["guichet", "export", "dossiers", "--sortie", folder + "/procedures.csv"])
        XCTAssertEqual(into.status, 1)
        XCTAssertTrue(into.stderr.contains("choisissez un dossier à vous"), into.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/procedures.csv"))
        try assertStoreWholeAndUsable()
    }

    func testImportRejectsOverTheStoreIsRefused() throws {
        try installHost()
        try write("type,nom_naissance,prenoms,date_naissance\npersonne,,Sans Nom,01/01/1990\n", to: "/home/gtadm/mauvais.csv", ownedBy: "gtadm")
        let tried = try run(as: "gtadm", ["guichet", "import", "tiers", "mauvais.csv", "--rejects", folder + "/sims.sqlite"])
        XCTAssertEqual(tried.status, 1, tried.stdout + tried.stderr)
        XCTAssertTrue(tried.stderr.contains("choisissez un dossier à vous"), tried.stderr)
        try assertStoreWholeAndUsable()
    }

    func testImportOfAFileOnlyTheServiceAccountReadsIsRefused() throws {
        try installHost()
        try write("SECRET-4242\n", to: folder + "/secret.txt", ownedBy: account)
        let tried = try run(as: "gtadm", ["guichet", "import", "tiers", folder + "/secret.txt"])
        XCTAssertEqual(tried.status, 1)
        XCTAssertTrue(tried.stderr.contains("vous n'avez pas le droit de le lire"), tried.stderr)
        XCTAssertFalse(tried.stderr.contains("SECRET"), tried.stderr)
        // Nor through sudo directly: arguments on the command line are refused...
        let direct = try run(as: "gtadm", ["sudo", "-n", "-u", account, "--", "/usr/local/bin/guichet", "import", "tiers", folder + "/secret.txt"])
        XCTAssertEqual(direct.status, 1)
        XCTAssertTrue(direct.stderr.contains("tapez « guichet … » directement, sans sudo"), direct.stderr)
        // ...and a forged channel that names the path, or a descriptor it did not pass, opens nothing.
        for (arguments, files) in [(["import", "tiers", folder + "/secret.txt"], "{}"), (["import", "tiers", "/dev/fd/7"], "{\"7\":\"x.csv\"}")] {
            let channel = try String(decoding: JSONSerialization.data(withJSONObject: arguments), as: UTF8.self)
            try write("{\"arguments\":\(channel),\"files\":\(files)}", to: "/home/gtadm/canal.json", ownedBy: "gtadm")
            let forged = try run(as: "gtadm", ["sh", "-c", "sudo -n -C 4 -u \(account) -- /usr/local/bin/guichet --canal-agent 3 3<canal.json"])
            XCTAssertEqual(forged.status, 1, forged.stdout + forged.stderr)
            XCTAssertTrue(forged.stderr.contains("Guichet n'ouvre aucun chemin pour un agent"), forged.stderr)
            XCTAssertFalse(forged.stderr.contains("SECRET"), forged.stderr)
        }
        try assertStoreWholeAndUsable()
    }

    func testAdministrateurImportsTheirOwnFileAndGetsTheirOwnRejects() throws {
        try installHost()
        try write("type,nom_naissance,prenoms,date_naissance\npersonne,Kasarhérou,Jean,02/05/1970\npersonne,,Sans Nom,01/01/1990\n",
                  to: "/home/gtadm/tiers.csv", ownedBy: "gtadm")
        let imported = try run(as: "gtadm", ["guichet", "import", "tiers", "tiers.csv"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("1 tiers importé, 1 ligne rejetée."), imported.stdout)
        XCTAssertTrue(imported.stdout.contains("/home/gtadm/tiers.rejets.csv") || imported.stdout.contains("tiers.rejets.csv"), imported.stdout)
        var info = stat()
        XCTAssertEqual(stat("/home/gtadm/tiers.rejets.csv", &info), 0)
        XCTAssertEqual(info.st_uid, getpwnam("gtadm")?.pointee.pw_uid, "the rejects are the administrateur's own file")
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        // A pipe is not a file to import.
        try run("/usr/bin/mkfifo", ["/home/gtadm/tube.csv"])
        try run("/bin/chown", ["gtadm:gtadm", "/home/gtadm/tube.csv"])
        let piped = try run(as: "gtadm", ["guichet", "import", "tiers", "tube.csv"])
        XCTAssertEqual(piped.status, 1)
        XCTAssertTrue(piped.stderr.contains("n'est pas un fichier ordinaire"), piped.stderr)
    }

    func testRestoreFromAFolderOfLinksIsRefused() throws {
        try installHost()
        let backup = "/home/gtadm/sauvegarde-20260101-000000"
        try FileManager.default.createDirectory(atPath: backup, withIntermediateDirectories: false)
        symlink(folder + "/sims.sqlite", backup + "/sims.sqlite")
        try write("0000  sims.sqlite\n", to: backup + "/MANIFEST.sha256", ownedBy: "gtadm")
        try run("/bin/chown", ["-R", "-h", "gtadm:gtadm", backup])
        let tried = try run(as: "gtadm", ["guichet", "restaurer", backup])
        XCTAssertEqual(tried.status, 1, tried.stdout + tried.stderr)
        XCTAssertTrue(tried.stderr.contains("une sauvegarde se désigne par son nom"), tried.stderr)
        let guessed = try run(as: "gtadm", ["guichet", "restaurer", "sauvegarde-20260101-000000"])
        XCTAssertEqual(guessed.status, 1)
        XCTAssertTrue(guessed.stderr.contains("aucune sauvegarde « sauvegarde-20260101-000000 » dans \(folder)/sauvegardes"), guessed.stderr)
        try assertStoreWholeAndUsable()
    }

    func testNothingPlantedInTheServiceHomeStopsTheCounters() throws {
        try installHost()
        let backup = try run(as: "gtadm", ["guichet", "sauvegarde", "--vers", folder + "/.config/guichet"])
        XCTAssertEqual(backup.status, 1)
        XCTAssertTrue(backup.stderr.contains("--vers n'est pas permis ici"), backup.stderr)
        let export = try run(as: "gtsup", ["guichet", "export", "dossiers", "--sortie", folder + "/.config/guichet/keymap.conf"])
        XCTAssertEqual(export.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/.config"))
        let demo = try run(as: "gtacc", ["guichet", "--demo"])
        XCTAssertEqual(demo.status, 1)
        XCTAssertTrue(demo.stderr.contains("--demo n'est pas permis ici"), demo.stderr)
        // Even a keymap the service account's home held would not be read for an agent.
        try FileManager.default.createDirectory(atPath: folder + "/.config/guichet", withIntermediateDirectories: true)
        try write("bind generic F1 pas-une-action\n", to: folder + "/.config/guichet/keymap.conf", ownedBy: account)
        try run("/bin/chown", ["-R", "\(account):\(account)", folder + "/.config"])
        // The agent's own keymap is: read by their own guichet.
        try FileManager.default.createDirectory(atPath: "/home/gtacc/.config/guichet", withIntermediateDirectories: true)
        try write("bind accueil z quitter\n", to: "/home/gtacc/.config/guichet/keymap.conf", ownedBy: "gtacc")
        try run("/bin/chown", ["-R", "gtacc:gtacc", "/home/gtacc/.config"])
        guard TmuxSession.tmux != nil else { return }
        let tmux = try TmuxSession(["/usr/sbin/runuser", "-u", "gtacc", "--", "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                                    "HOME=/home/gtacc", "TERM=xterm-256color", "LANG=C.UTF-8", "guichet"], environment: [:])
        self.tmux = tmux
        let screen = try tmux.waitFor("Bonjour Marie Gorodey")
        XCTAssertFalse(screen.contains("pas-une-action"), screen)
        try tmux.type("z")
        try tmux.waitFor("the application quits on the agent's own z", { _ in (try? tmux.hasExited()) == true })
    }

    func testBenchIsForAdministrateursAndNeverInTheStoreFolder() throws {
        try installHost()
        let accueil = try run(as: "gtacc", ["guichet", "bench", "search", "--tiers", "100"])
        XCTAssertEqual(accueil.status, 1)
        XCTAssertTrue(accueil.stderr.contains("lancer une mesure"), accueil.stderr)
        let workdir = try run(as: "gtadm", ["guichet", "bench", "search", "--tiers", "100", "--workdir", folder])
        XCTAssertEqual(workdir.status, 1)
        XCTAssertTrue(workdir.stderr.contains("--workdir n'est pas permis ici"), workdir.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/guichet-bench"))
        try assertStoreWholeAndUsable()
    }

    func testAQueryNeverShowsOnACommandLine() throws {
        try installHost()
        try write("type,nom_naissance,prenoms,date_naissance\npersonne,Wamytan,Odile,03/04/1951\n", to: "/tmp/gtest-odile.csv",
                  ownedBy: account, mode: 0o644)
        defer { unlink("/tmp/gtest-odile.csv") }
        XCTAssertEqual(try run(as: account, ["guichet", "import", "tiers", "/tmp/gtest-odile.csv", "--rejects", folder + "/r.csv"]).status, 0)
        let serviceUID = try XCTUnwrap(getpwnam(account)?.pointee.pw_uid), agentUID = try XCTUnwrap(getpwnam("gtacc")?.pointee.pw_uid)
        // The store's gate held: the search waits, and every process is looked at meanwhile.
        var seen: [String] = []
        var serviceSide: String?
        let search = Process()
        try StoreSessions.exclusively(storePath: folder + "/sims.sqlite", action: "Test") {
            search.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            search.arguments = ["--reuid=gtacc", "--regid=gtacc", "--init-groups", "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                                "HOME=/home/gtacc", "guichet", "search", "WAMYTAN", "Odile", "03/04/1951"]
            search.standardOutput = FileHandle.nullDevice
            search.standardError = FileHandle.nullDevice
            try search.run()
            // Every process of the agent's, of the service account's, and sudo between them (other tests may run meanwhile).
            func scan() -> [(line: String, uid: uid_t)] {
                ((try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap(Int32.init) ?? []).compactMap { pid in
                    var info = stat()
                    guard pid != getpid(), stat("/proc/\(pid)", &info) == 0,
                          let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
                    let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
                    guard [agentUID, serviceUID].contains(info.st_uid) || line.contains("--canal-agent") else { return nil }
                    return (line, info.st_uid)
                }
            }
            let deadline = Date().addingTimeInterval(20)
            while serviceSide == nil, Date() < deadline {
                serviceSide = scan().first { $0.line.contains("--canal-agent") && $0.uid == serviceUID }?.line
                usleep(20_000)
            }
            // The search waits at the gate: everything it runs as is there now.
            seen = scan().map(\.line)
        }
        search.waitUntilExit()
        XCTAssertEqual(search.terminationStatus, 0)
        let service = try XCTUnwrap(serviceSide, "the service account's guichet was not seen")
        XCTAssertTrue(service.hasSuffix("guichet --canal-agent 3 "), service)
        XCTAssertFalse(seen.contains { $0.contains("WAMYTAN") || $0.contains("03/04/1951") }, seen.joined(separator: "\n"))
        XCTAssertTrue(seen.contains { $0.hasPrefix("sudo -n -C 4 -u \(account) -- ") }, seen.joined(separator: "\n"))
        // The agent's own guichet blanked its command line once it had handed the search over.
        XCTAssertTrue(seen.contains { $0.trimmingCharacters(in: .whitespaces) == "guichet" }, seen.joined(separator: "\n"))
    }

    func testSuperviseurReadsTheirOwnExport() throws {
        try installHost()
        let exported = try run(as: "gtsup", ["guichet", "export", "dossiers", "--csv", "--sortie", "dossiers.csv"])
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertTrue(exported.stderr.contains("0 dossiers exportés dans dossiers.csv"), exported.stderr)
        let read = try run(as: "gtsup", ["cat", "dossiers.csv"])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertTrue(read.stdout.hasPrefix("numero,"), read.stdout)
        var info = stat()
        XCTAssertEqual(stat("/home/gtsup/dossiers.csv", &info), 0)
        XCTAssertEqual(info.st_uid, getpwnam("gtsup")?.pointee.pw_uid)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        // --ecraser as before: an existing file only with it, never a link.
        let again = try run(as: "gtsup", ["guichet", "export", "dossiers", "--sortie", "dossiers.csv"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("existe déjà : choisissez un autre nom, ou ajoutez --ecraser"), again.stderr)
        XCTAssertEqual(try run(as: "gtsup", ["guichet", "export", "dossiers", "--sortie=dossiers.csv", "--ecraser"]).status, 0)
        symlink("/home/gtsup/.bashrc", "/home/gtsup/lien.csv")
        let linked = try run(as: "gtsup", ["guichet", "export", "dossiers", "--sortie", "lien.csv", "--ecraser"])
        XCTAssertEqual(linked.status, 1)
        XCTAssertTrue(linked.stderr.contains("est un lien symbolique"), linked.stderr)
    }

    func testNonAgentIsToldInFrench() throws {
        try installHost()
        let outsider = try run(as: "gtnon", ["guichet", "search", "wamytan"])
        XCTAssertEqual(outsider.status, 1)
        XCTAssertTrue(outsider.stderr.contains("n'êtes pas agent de Guichet sur ce serveur"), outsider.stderr)
        XCTAssertTrue(outsider.stderr.contains("usermod -aG \(group) gtnon"), outsider.stderr)
        XCTAssertFalse(outsider.stderr.contains("password"), outsider.stderr)
    }

    func testVerifierReportsProcessesVisibleToEveryone() throws {
        try installHost()
        let options = try XCTUnwrap(Self.currentProcOptions())
        if ServerLayout.procHidesProcesses(options: options) {
            XCTAssertEqual(try run(GuichetProcess.executable, ["serveur", "verifier"]).status, 0)
            try run("/bin/mount", ["-o", "remount,hidepid=0", "/proc"])
        }
        let open = try run(GuichetProcess.executable, ["serveur", "verifier"])
        XCTAssertEqual(open.status, 1)
        XCTAssertTrue(open.stdout.contains("/proc n'est pas monté avec hidepid"), open.stdout)
    }
}
