import Foundation
@testable import guichet
@testable import GuichetTUI
import SIMSModel
import XCTest

/// A shared host set up by `guichet serveur installer`, as root: agents reach the store only
/// through the installed `guichet`, under their own login; nobody reads the files directly.
final class ServerDeploymentTests: SharedHostTestCase {
    func testAgentsWorkThroughGuichetOnlyAndNobodyReadsTheFiles() throws {
        let first = try run(GuichetProcess.executable, installation)
        XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("Compte de service créé : \(account)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("Règle sudo écrite : /etc/sudoers.d/guichet"), first.stdout)
        let again = try run(GuichetProcess.executable, installation)
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stdout.contains("créé") || again.stdout.contains("écrite") || again.stdout.contains("installé"), again.stdout)

        try createStoreAndAgents()

        // Agents search through guichet, under their own login whatever they set.
        let found = try run(as: "gtacc", ["guichet", "search", "wamytan"],
                            environment: ["GUICHET_DB=/tmp/ailleurs.sqlite", "GUICHET_LOGIN=gtsup"])
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertTrue(found.stdout.contains("WAMYTAN Hélène\t14/03/1985"), found.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/ailleurs.sqlite"))
        let elsewhere = try run(as: "gtacc", ["guichet", "init", "--db", "/tmp/ailleurs.sqlite"])
        XCTAssertEqual(elsewhere.status, 1)
        XCTAssertTrue(elsewhere.stderr.contains("--db n'est pas permis ici"), elsewhere.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/ailleurs.sqlite"))
        // Nor does the agent choose a program: GUICHET_COMMANDE_* comes from the configuration file.
        let printed = try run(as: "gtacc", ["guichet", "procedures", "list", "--procedures", "/tmp"],
                              environment: ["GUICHET_COMMANDE_IMPRESSION=/tmp/piege"])
        XCTAssertTrue(printed.stderr.contains("--procedures n'est pas permis ici"), printed.stderr)
        // The accueil agent's role holds, and it cannot pass for the superviseur.
        let export = try run(as: "gtacc", ["guichet", "export", "dossiers"], environment: ["GUICHET_LOGIN=gtsup", "SUDO_USER=gtsup"])
        XCTAssertEqual(export.status, 1)
        XCTAssertTrue(export.stderr.contains("il faut être superviseur ou administrateur"), export.stderr)
        let supervisor = try run(as: "gtsup", ["guichet", "export", "dossiers"])
        XCTAssertEqual(supervisor.status, 0, supervisor.stderr)
        // Nobody reads or writes the files directly; a non-agent cannot even run guichet under the account.
        for user in users {
            XCTAssertNotEqual(try run(as: user, ["cat", folder + "/sims.sqlite"]).status, 0, user)
            XCTAssertNotEqual(try run(as: user, ["sqlite3", folder + "/sims.sqlite", "UPDATE agent SET roles = 'administrateur'"]).status, 0, user)
            XCTAssertNotEqual(try run(as: user, ["sh", "-c", "echo x > \(folder)/sims.sqlite"]).status, 0, user)
        }
        let outsider = try run(as: "gtnon", ["guichet", "search", "wamytan"])
        XCTAssertNotEqual(outsider.status, 0)
        XCTAssertFalse(outsider.stdout.contains("WAMYTAN"), outsider.stdout)

        try counterJourney()

        let sound = try run(GuichetProcess.executable, ["serveur", "verifier"])
        if ServerLayout.procHidesProcesses(options: Self.currentProcOptions() ?? "") {
            XCTAssertEqual(sound.status, 0, sound.stdout + sound.stderr)
        } else {
            // A container where /proc could not be remounted: that alone is reported.
            XCTAssertTrue(first.stdout.contains("/proc n'a pas pu être remonté avec hidepid=2"), first.stdout)
            XCTAssertTrue(sound.stdout.hasPrefix("/proc n'est pas monté avec hidepid") && sound.stdout.split(separator: "\n").count == 1,
                          sound.stdout)
        }
        chmod(folder + "/sims.sqlite", 0o644)
        let broken = try run(GuichetProcess.executable, ["serveur", "verifier"])
        XCTAssertEqual(broken.status, 1)
        XCTAssertTrue(broken.stdout.contains("\(folder)/sims.sqlite a les droits 644 : trop ouverts"), broken.stdout)
        chmod(folder + "/sims.sqlite", 0o600)
        // A key Guichet does not read (a typo) is reported with its line.
        let configuration = try String(contentsOfFile: "/etc/guichet/guichet.conf", encoding: .utf8)
        try Data((configuration + "GUICHET_IMPRIMNTE = accueil-2\n").utf8).write(to: URL(fileURLWithPath: "/etc/guichet/guichet.conf"))
        let typo = try run(GuichetProcess.executable, ["serveur", "verifier"])
        XCTAssertEqual(typo.status, 1)
        let line = configuration.split(separator: "\n", omittingEmptySubsequences: false).count
        XCTAssertTrue(typo.stdout.contains("/etc/guichet/guichet.conf, ligne \(line) : « GUICHET_IMPRIMNTE » : clé inconnue de Guichet"),
                      typo.stdout)
    }

    /// The accueil agent, in their own terminal, renews Hélène's grant through `guichet`: scans a
    /// piece at the counter's scanner (SANE's test backend) and the receipt is printed on the
    /// printer of their section of the configuration file (a stand-in for `lp`).
    private func counterJourney() throws {
        guard TmuxSession.tmux != nil, ScanJourneyTests.installed("scanimage"), ScanJourneyTests.installed("img2pdf") else {
            print("tmux, scanimage or img2pdf missing: the counter journey is skipped")
            return
        }
        // Hélène, Léa and last year's grant, filed by the accueil agent (root writes the store, then gives it back).
        let store = try SIMSStore.open(path: folder + "/sims.sqlite")
        _ = try JourneyFamily.file(in: store, by: "gtacc")
        try store.close()
        let procedures = folder + "/procedures", printed = folder + "/imprime"
        try FileManager.default.copyItem(atPath: JourneyFamily.proceduresDirectory, toPath: procedures)
        try FileManager.default.createDirectory(atPath: printed, withIntermediateDirectories: false)
        try run("/bin/chown", ["-R", "\(account):\(account)", folder])
        try run("/bin/chmod", ["-R", "go-rwx", folder])
        // The counter's scanner and printer, chosen by root's configuration file.
        try FileManager.default.createDirectory(atPath: "/etc/guichet/gtest-sane.d", withIntermediateDirectories: false)
        try Data("test\n".utf8).write(to: URL(fileURLWithPath: "/etc/guichet/gtest-sane.d/dll.conf"))
        try Data("number_of_devices 1\n".utf8).write(to: URL(fileURLWithPath: "/etc/guichet/gtest-sane.d/test.conf"))
        try Data("#!/bin/sh\nSANE_CONFIG_DIR=/etc/guichet/gtest-sane.d exec scanimage \"$@\"\n".utf8)
            .write(to: URL(fileURLWithPath: "/etc/guichet/gtest-scanimage"))
        try Data("#!/bin/sh\n# as lp -d PRINTER FILE\ncat \"$3\" > \(printed)/\"$2\".txt\n".utf8)
            .write(to: URL(fileURLWithPath: "/etc/guichet/gtest-lp"))
        for script in ["gtest-scanimage", "gtest-lp"] { chmod("/etc/guichet/" + script, 0o755) }
        let configuration = try String(contentsOfFile: "/etc/guichet/guichet.conf", encoding: .utf8)
        try Data((configuration + """
            GUICHET_SCANNER = test
            GUICHET_SCANNER_SOURCE = Automatic Document Feeder
            GUICHET_SCANNER_PAGES = 1
            GUICHET_COMMANDE_SCANIMAGE = /etc/guichet/gtest-scanimage
            GUICHET_COMMANDE_IMPRESSION = /etc/guichet/gtest-lp

            [agent gtacc]
            GUICHET_IMPRIMANTE = accueil-gtest

            """).utf8).write(to: URL(fileURLWithPath: "/etc/guichet/guichet.conf"))

        let tmux = try TmuxSession(["/usr/sbin/runuser", "-u", "gtacc", "--", "/usr/bin/env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin",
                                    "HOME=/home/gtacc", "TERM=xterm-256color", "LANG=C.UTF-8", "guichet"], environment: [:])
        self.tmux = tmux
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        try tmux.waitFor("Bonjour Marie Gorodey")
        try tmux.keys("F5")
        try tmux.type("25 12 34")                  // her phone: the imported namesake has none
        try tmux.waitFor("WAMYTAN Hélène —")
        try tmux.keys("Enter")
        try tmux.waitFor("F11 : RBS pour WAMYTAN Léa")
        try tmux.keys("F11")
        try tmux.waitFor("reprend BS-")
        // F10 puts the focus on « Changement de situation », required and left empty.
        try tmux.keys("F10")
        try tmux.waitFor("1 champ à corriger")
        try tmux.waitFor("Changement de situation : champ obligatoire.")   // first under « Changent souvent »
        try tmux.type("n")
        try tmux.keys("F5")
        try tmux.waitFor("✗ Justificatif de domicile")
        try tmux.keys("F9")
        try tmux.waitFor("Pièce jointe : Justificatif de domicile (1 page)", timeout: 30)
        try tmux.keys("F3")
        try tmux.waitFor("jointe au dossier : Justificatif de domicile")
        try tmux.keys("F10")
        let receipt = try tmux.waitFor("Récépissé imprimé sur accueil-gtest")
        XCTAssertTrue(receipt.contains("Dossier n° : RBS-\(year)-000001"), receipt)
        try tmux.keys("C-q")
        try tmux.waitFor("the application quits", { _ in (try? tmux.hasExited()) == true })

        let paper = try String(contentsOfFile: printed + "/accueil-gtest.txt", encoding: .utf8)
        XCTAssertTrue(paper.contains("RBS-\(year)-000001") && paper.contains("Justificatif de domicile"), paper)
        var info = stat()
        XCTAssertEqual(stat(printed + "/accueil-gtest.txt", &info), 0)
        XCTAssertEqual(info.st_uid, getpwnam(account)?.pointee.pw_uid, "printed by the service account")
        // The scanned piece is the service account's alone, like every file of the store.
        let documents = try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: folder + "/documents").filter { $0.hasSuffix(".pdf") || $0.count > 40 })
        XCTAssertFalse(documents.isEmpty)
    }
}
