import Foundation
import SIMSModel

/// Where a shared host keeps Guichet's pieces, and the checks of their owners and modes.
struct ServerLayout {
    var folder: String
    var account: String
    var group: String

    static let binary = "/usr/local/bin/guichet"
    static let sudoRule = "/etc/sudoers.d/guichet"
    static let configuration = HostConfiguration.defaultPath

    var storePath: String { folder + "/sims.sqlite" }


    /// The sudo rule: members of the group run the installed binary, and only it, as the service
    /// account, with sudo's clean environment; they may keep descriptors open (`sudo -C`), by
    /// which their own `guichet` hands over the files it opened for them and the command itself
    /// (``AgentLauncher``).
    var sudoRuleText: String {
        """
        # Guichet : les membres de \(group) lancent guichet sous le compte \(account), et rien d'autre.
        # closefrom_override : leur propre guichet transmet les fichiers qu'il a ouverts avec leurs droits.
        Defaults!\(Self.binary) env_reset, !setenv
        Defaults:%\(group) closefrom_override
        %\(group) ALL=(\(account)) NOPASSWD: \(Self.binary)

        """
    }

    /// The options of the `/proc` mount in `mountinfo`'s text, nil when it is not there.
    static func procOptions(mountinfo: String) -> String? {
        for line in mountinfo.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 5, fields[4] == "/proc", let dash = fields.firstIndex(of: "-"), dash + 3 < fields.count,
                  fields[dash + 1] == "proc" else { continue }
            return String(fields[dash + 3])
        }
        return nil
    }

    /// Whether `/proc` hides each user's processes from the others (`hidepid=1`, `2`, `4` or
    /// their names): no agent reads another's command line or environment.
    static func procHidesProcesses(options: String) -> Bool {
        options.split(separator: ",").contains { option in
            guard option.hasPrefix("hidepid=") else { return false }
            return !["0", "off"].contains(option.dropFirst(8))
        }
    }

    /// The line of `/etc/fstab` that keeps `/proc` so after a restart.
    static let procFstabLine = "proc /proc proc defaults,hidepid=2 0 0"

    var configurationText: String {
        """
        # Configuration de Guichet sur ce serveur (root seul la modifie).
        # Ces réglages remplacent ceux de l'environnement des agents ; [poste NOM] (avec « adresse = IP »)
        # pour un poste, [agent IDENTIFIANT] pour un agent : agent > poste > ces lignes.
        compte = \(account)
        groupe = \(group)
        GUICHET_DB = \(storePath)
        GUICHET_PROCEDURES = \(folder)/procedures

        """
    }

    /// The configuration `text` with `groupe = group` after its `compte` line, when it names no
    /// group yet; nil otherwise.
    static func addingGroup(_ group: String, to text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        let key = { (line: String) in line.split(separator: "=").first?.trimmingCharacters(in: .whitespaces) ?? "" }
        guard !lines.contains(where: { key($0) == "groupe" }),
              let account = lines.firstIndex(where: { key($0) == "compte" }) else { return nil }
        lines.insert("groupe = \(group)", at: account + 1)
        return lines.joined(separator: "\n")
    }

    /// What breaks the boundary: one French line each.
    func problems() -> [String] {
        var found: [String] = []
        guard let owner = getpwnam(account) else { return ["le compte de service « \(account) » n'existe pas."] }
        let uid = owner.pointee.pw_uid
        func check(_ path: String, owner expected: uid_t, forbidden: mode_t, what: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { found.append("\(path) manque (\(what))."); return }
            if info.st_uid != expected { found.append("\(path) n'appartient pas à \(expected == 0 ? "root" : account) (\(what)).") }
            if info.st_mode & forbidden != 0 {
                found.append("\(path) a les droits \(String(info.st_mode & 0o7777, radix: 8)) : trop ouverts (\(what)).")
            }
        }
        check(folder, owner: uid, forbidden: 0o077, what: "dossier de la base")
        if let names = FileManager.default.enumerator(atPath: folder) {
            for case let name as String in names {
                check(folder + "/" + name, owner: uid, forbidden: 0o077, what: "fichier de la base")
            }
        }
        check(Self.binary, owner: 0, forbidden: 0o022, what: "programme des agents")
        check(Self.sudoRule, owner: 0, forbidden: 0o337, what: "règle sudo")
        check(Self.configuration, owner: 0, forbidden: 0o022, what: "configuration")
        if let text = try? String(contentsOfFile: Self.sudoRule, encoding: .utf8), text != sudoRuleText {
            found.append("\(Self.sudoRule) a été modifiée : elle doit se limiter à \(Self.binary) sous \(account).")
        }
        return found
    }
}
