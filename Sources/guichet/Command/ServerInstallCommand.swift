import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet serveur installer [--dossier DIR] [--compte NOM] [--groupe GROUPE]` (root): the
/// service account, the store's folder, the binary on the agents' PATH, the sudo rule and the
/// configuration file; run again, it changes nothing.
struct ServerInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "installer", abstract: "Installe Guichet sur un serveur partagé (root) ; sans effet s'il l'est déjà.")

    @Option(name: .long, help: "Dossier de la base et des pièces.") var dossier = "/srv/guichet"
    @Option(name: .long, help: "Compte de service, seul propriétaire de la base.") var compte = "guichet"
    @Option(name: .long, help: "Groupe des agents autorisés à lancer guichet.") var groupe = "guichet-agents"

    func run() throws {
        try CommandFailure.guarded {
            guard geteuid() == 0 else { throw ValidationError(field: nil, message: "« guichet serveur installer » se lance en root.") }
            for name in [compte, groupe] where !(name.first?.isLowercase ?? false)
                || !name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_" }) || name.count > 32 {
                throw ValidationError(field: nil, message: "Nom \(ShownText.quoted(name)) invalide : lettres minuscules, chiffres, - et _.")
            }
            guard dossier.hasPrefix("/"), !dossier.contains("..") else {
                throw ValidationError(field: nil, message: "--dossier : indiquez un chemin absolu, par ex. /srv/guichet.")
            }
            let layout = ServerLayout(folder: dossier, account: compte, group: groupe)
            if getgrnam(groupe) == nil {
                try Self.run("/usr/sbin/groupadd", ["--system", groupe])
                print("Groupe des agents créé : \(groupe)")
            } else { print("Groupe des agents : \(groupe) (déjà là)") }
            if getpwnam(compte) == nil {
                try Self.run("/usr/sbin/useradd", ["--system", "--user-group", "--home-dir", dossier, "--no-create-home",
                                                   "--shell", "/usr/sbin/nologin", compte])
                print("Compte de service créé : \(compte) (sans mot de passe ni shell)")
            } else { print("Compte de service : \(compte) (déjà là)") }
            guard let account = getpwnam(compte) else { throw ValidationError(field: nil, message: "Le compte \(compte) manque.") }
            let uid = account.pointee.pw_uid, gid = account.pointee.pw_gid
            var info = stat()
            if stat(dossier, &info) != 0 {
                try FileManager.default.createDirectory(atPath: dossier, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                print("Dossier créé : \(dossier)")
            }
            if stat(dossier, &info) == 0, info.st_uid != uid || info.st_mode & 0o7777 != 0o700 {
                chown(dossier, uid, gid)
                chmod(dossier, 0o700)
                print("Dossier \(dossier) : propriétaire \(compte), droits 0700")
            } else { print("Dossier \(dossier) : propriétaire \(compte), droits 0700 (déjà)") }
            try installBinary()
            try Self.install(ServerLayout.sudoRule, layout.sudoRuleText, mode: 0o440, what: "Règle sudo", check: true)
            try FileManager.default.createDirectory(atPath: "/etc/guichet", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
            if let text = try? String(contentsOfFile: ServerLayout.configuration, encoding: .utf8),
               let added = ServerLayout.addingGroup(groupe, to: text) {
                // A file written before the group was recorded: only that line is added.
                try Self.install(ServerLayout.configuration, added, mode: 0o644, what: "Configuration (groupe des agents ajouté)", check: false)
            } else if FileManager.default.fileExists(atPath: ServerLayout.configuration) {
                print("Configuration : \(ServerLayout.configuration) (déjà là, gardée telle quelle)")
            } else {
                try Self.install(ServerLayout.configuration, layout.configurationText, mode: 0o644, what: "Configuration", check: false)
            }
            Self.hideProcesses()
            if !FileManager.default.fileExists(atPath: layout.storePath) {
                print("Reste à créer la base : sudo -u \(compte) \(ServerLayout.binary) init --name \"Compte de service\"")
                print("puis ajouter chaque agent : sudo -u \(compte) \(ServerLayout.binary) agent add LOGIN --name … --role …")
                print("et l'ajouter au groupe : usermod -aG \(groupe) LOGIN")
            }
        }
    }

    /// Mounts `/proc` with `hidepid=2`, so that no user sees another's processes (an agent's
    /// command line, its environment); in a container where `/proc` cannot be remounted, says
    /// so and carries on.
    private static func hideProcesses() {
        let mountinfo = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
        if let options = ServerLayout.procOptions(mountinfo: mountinfo), ServerLayout.procHidesProcesses(options: options) {
            print("/proc : chaque utilisateur ne voit que ses processus (hidepid, déjà)")
            return
        }
        if (try? run("/bin/mount", ["-o", "remount,hidepid=2", "/proc"])) != nil {
            print("/proc remonté avec hidepid=2 : chaque utilisateur ne voit plus que ses processus.")
        } else {
            print("/proc n'a pas pu être remonté avec hidepid=2 (dans un conteneur, c'est à l'hôte de le faire) : "
                + "les utilisateurs du serveur voient les processus des autres ; « guichet serveur verifier » le signalera.")
        }
        print("Pour garder ce réglage après un redémarrage, ajoutez à /etc/fstab : \(ServerLayout.procFstabLine)")
    }

    private func installBinary() throws {
        let running = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let target = ServerLayout.binary
        if running != target {
            let same = FileManager.default.contentsEqual(atPath: running, andPath: target)
            if !same {
                let temporary = target + ".nouveau"
                try? FileManager.default.removeItem(atPath: temporary)
                try FileManager.default.copyItem(atPath: running, toPath: temporary)
                chown(temporary, 0, 0)
                chmod(temporary, 0o755)
                guard rename(temporary, target) == 0 else {
                    throw ValidationError(field: nil, message: "Impossible d'installer \(target) : \(String(cString: strerror(errno))).")
                }
                print("Programme installé : \(target)")
                return
            }
        }
        print("Programme : \(target) (déjà à jour)")
    }

    /// Writes a root-owned file when its content differs, through a temporary file.
    private static func install(_ path: String, _ text: String, mode: mode_t, what: String, check: Bool) throws {
        if (try? String(contentsOfFile: path, encoding: .utf8)) == text {
            print("\(what) : \(path) (déjà en place)")
            return
        }
        let temporary = path + ".nouveau"
        unlink(temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: Int(mode)]) else {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(temporary).")
        }
        chown(temporary, 0, 0)
        chmod(temporary, mode)
        if check, FileManager.default.isExecutableFile(atPath: "/usr/sbin/visudo") {
            try Self.run("/usr/sbin/visudo", ["-cqf", temporary])
        }
        guard rename(temporary, path) == 0 else {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(path) : \(String(cString: strerror(errno))).")
        }
        print("\(what) écrite : \(path)")
    }

    private static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError(field: nil, message: "\(program) \(arguments.joined(separator: " ")) a échoué (code \(process.terminationStatus)).")
        }
    }
}
