import Foundation
@testable import guichet
@testable import GuichetBench
@testable import GuichetTUI
import SIMSModel
import XCTest

/// The parts of a shared host's boundary that need no root: what the agent's own process opens
/// and hands over, and what the service account's side refuses (the whole boundary is in
/// SharedHostBoundaryTests, as root).
final class PrivilegeSeparationTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = try TemporaryFolder.make("guichet-privsep-")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testTheAgentsProcessOpensTheFilesAndHandsOverDescriptorsNotPaths() throws {
        let input = folder + "/tiers.csv"
        try Data("type\n".utf8).write(to: URL(fileURLWithPath: input))
        let handover = try AgentLauncher.prepare(["import", "tiers", input, "--encore"], environment: [:])
        XCTAssertEqual(handover.channel.arguments, ["import", "tiers", "/dev/fd/4", "--encore", "--rejects", "/dev/fd/5"])
        XCTAssertEqual(handover.channel.files, ["4": input, "5": folder + "/tiers.rejets.csv"])
        XCTAssertEqual(handover.descriptors.count, 2)
        XCTAssertEqual(handover.outputs.map(\.path), [folder + "/tiers.rejets.csv"])
        // Nothing appears under the rejects' name until the command succeeded.
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/tiers.rejets.csv"))
        handover.descriptors.prefix(1).forEach { close($0) }
    }

    func testAnOptionWithEqualsAndAQueryWithoutFilesGoAsTheyAre() throws {
        let output = folder + "/dossiers.csv"
        let export = try AgentLauncher.prepare(["export", "dossiers", "--sortie=\(output)", "--ecraser"], environment: [:])
        XCTAssertEqual(export.channel.arguments, ["export", "dossiers", "--sortie=/dev/fd/4", "--ecraser"])
        let search = try AgentLauncher.prepare(["search", "WAMYTAN", "Odile"], environment: [:])
        XCTAssertEqual(search.channel.arguments, ["search", "WAMYTAN", "Odile"])
        XCTAssertTrue(search.descriptors.isEmpty)
        // A value equal to the path elsewhere on the line is left alone: the occurrence is the one the command reads.
        let twice = try AgentLauncher.prepare(["export", "dossiers", "--demarche", "x.csv", "--sortie", "x.csv"], environment: [:])
        XCTAssertEqual(twice.channel.arguments, ["export", "dossiers", "--demarche", "x.csv", "--sortie", "/dev/fd/4"])
        unlink(FileManager.default.currentDirectoryPath + "/x.csv")
    }

    func testWhatIsNotARegularFileIsRefusedBeforeAnythingRuns() throws {
        mkfifo(folder + "/tube.csv", 0o600)
        XCTAssertThrowsError(try AgentLauncher.prepare(["import", "tiers", folder + "/tube.csv"], environment: [:])) {
            XCTAssertTrue("\($0)".contains("n'est pas un fichier ordinaire"), "\($0)")
        }
        XCTAssertThrowsError(try AgentLauncher.prepare(["import", "tiers", folder + "/absent.csv"], environment: [:])) {
            XCTAssertTrue("\($0)".contains("Impossible de lire \(self.folder)/absent.csv : ce fichier n'existe pas"), "\($0)")
        }
        symlink("/etc/hostname", folder + "/lien.csv")
        XCTAssertThrowsError(try AgentLauncher.prepare(["export", "dossiers", "--sortie", folder + "/lien.csv", "--ecraser"], environment: [:])) {
            XCTAssertTrue("\($0)".contains("est un lien symbolique"), "\($0)")
        }
    }

    func testTheAgentsKeymapTravelsAsText() throws {
        try FileManager.default.createDirectory(atPath: folder + "/guichet", withIntermediateDirectories: true)
        try Data("bind accueil z quitter\n".utf8).write(to: URL(fileURLWithPath: folder + "/guichet/keymap.conf"))
        let handover = try AgentLauncher.prepare([], environment: ["XDG_CONFIG_HOME": folder])
        XCTAssertEqual(handover.channel.keymap, "bind accueil z quitter\n")
        let decoded = try JSONDecoder().decode(AgentChannel.self, from: handover.channel.encoded())
        XCTAssertEqual(decoded, handover.channel)
    }

    func testTheServiceSideOpensNoPathForAnAgent() throws {
        XCTAssertNil(try InheritedFiles.input(folder + "/x.csv", option: "FICHIER", actingForAgent: false))
        for value in ["/srv/guichet/sims.sqlite", "/dev/fd/0", "/dev/fd/999", "/proc/self/fd/3"] {
            XCTAssertThrowsError(try InheritedFiles.output(value, option: "--sortie", actingForAgent: true)) {
                XCTAssertTrue("\($0)".hasPrefix("--sortie : sous le compte de service, Guichet n'ouvre aucun chemin pour un agent."), "\($0)")
            }
        }
    }

    func testBenchForAnAgentRefusesAFolderTheyName() {
        for option in ["--workdir", "--db", "--procedures"] {
            XCTAssertThrowsError(try BenchAccess.admit(["bench", "search", option + "=/srv/guichet"], actingForAgent: true)) {
                XCTAssertTrue("\($0)".hasPrefix("\(option) n'est pas permis ici"), "\($0)")
            }
        }
        XCTAssertNoThrow(try BenchAccess.admit(["bench", "search", "--workdir", "/tmp/x"], actingForAgent: false))
    }

    func testAnAgentRestoresOnlyABackupOfTheStoresOwnFolderByItsName() throws {
        let store = folder + "/sims.sqlite"
        try FileManager.default.createDirectory(atPath: folder + "/sauvegardes/sauvegarde-20261207-020000", withIntermediateDirectories: true)
        XCTAssertEqual(try RestoreCommand.ownBackup("sauvegarde-20261207-020000", storePath: store),
                       folder + "/sauvegardes/sauvegarde-20261207-020000")
        XCTAssertEqual(try RestoreCommand.ownBackup(folder + "/sauvegardes/sauvegarde-20261207-020000/", storePath: store),
                       folder + "/sauvegardes/sauvegarde-20261207-020000")
        for name in ["/home/admin/sauvegarde-20261207-020000", "../sauvegarde-20261207-020000", "sims.sqlite"] {
            XCTAssertThrowsError(try RestoreCommand.ownBackup(name, storePath: store)) {
                XCTAssertTrue("\($0)".contains("une sauvegarde se désigne par son nom"), "\($0)")
            }
        }
        symlink("/tmp", folder + "/sauvegardes/sauvegarde-20261207-030000")
        XCTAssertThrowsError(try RestoreCommand.ownBackup("sauvegarde-20261207-030000", storePath: store)) {
            XCTAssertTrue("\($0)".contains("aucune sauvegarde « sauvegarde-20261207-030000 »"), "\($0)")
        }
    }

    func testProcessesAreHiddenOnlyWithHidepid() {
        let mountinfo = """
            21 26 0:5 / /dev rw - devtmpfs udev rw,size=4014560k
            22 27 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw,hidepid=invisible
            """
        XCTAssertEqual(ServerLayout.procOptions(mountinfo: mountinfo), "rw,hidepid=invisible")
        XCTAssertTrue(ServerLayout.procHidesProcesses(options: "rw,hidepid=invisible"))
        XCTAssertTrue(ServerLayout.procHidesProcesses(options: "rw,hidepid=2"))
        XCTAssertFalse(ServerLayout.procHidesProcesses(options: "rw,hidepid=0"))
        XCTAssertFalse(ServerLayout.procHidesProcesses(options: "rw,relatime"))
    }

    func testAnOlderConfigurationGetsTheGroupAfterItsAccount() {
        XCTAssertEqual(ServerLayout.addingGroup("guichet-agents", to: "# x\ncompte = guichet\nGUICHET_DB = /srv/g.sqlite\n\n[agent a]\n"),
                       "# x\ncompte = guichet\ngroupe = guichet-agents\nGUICHET_DB = /srv/g.sqlite\n\n[agent a]\n")
        XCTAssertNil(ServerLayout.addingGroup("autre", to: "compte = guichet\ngroupe = guichet-agents\n"))
    }

    func testSomeoneOutsideTheGroupIsToldInFrenchWhatToAsk() {
        let configuration = HostConfiguration(account: "guichet", group: "groupe-qui-n-existe-pas")
        XCTAssertTrue(AgentLauncher.membershipProblem(login: "root", configuration: configuration)?
            .contains("le groupe des agents « groupe-qui-n-existe-pas »") ?? false)
        XCTAssertNil(AgentLauncher.membershipProblem(login: "root", configuration: HostConfiguration(account: "guichet")))
        XCTAssertNil(AgentLauncher.membershipProblem(login: "root", configuration: HostConfiguration(account: "guichet", group: "root")))
        let outsider = AgentLauncher.membershipProblem(login: "root", configuration: HostConfiguration(account: "guichet", group: "nogroup"))
        XCTAssertEqual(outsider, "vous (root) n'êtes pas agent de Guichet sur ce serveur : seuls les membres du groupe « nogroup » y ont "
            + "accès. Demandez à l'administrateur de vous y ajouter (usermod -aG nogroup root), puis reconnectez-vous.")
    }
}
