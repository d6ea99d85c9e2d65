import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet serveur verifier`: everything that breaks the boundary between agents and the store.
struct ServerCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verifier", abstract: "Signale ce qui ouvre la base aux agents : un droit, un propriétaire, une règle.")

    func run() throws {
        try CommandFailure.guarded {
            guard let host = try HostConfiguration.load() else {
                throw ValidationError(field: nil, message: "\(HostConfiguration.defaultPath) manque : ce serveur n'est pas installé "
                    + "(guichet serveur installer).")
            }
            let store = host.settings["GUICHET_DB"] ?? "?"
            let layout = ServerLayout(folder: (store as NSString).deletingLastPathComponent, account: host.account, group: "")
            var problems = layout.problems().filter { !$0.contains(ServerLayout.sudoRule + " a été modifiée") }
            let rule = (try? String(contentsOfFile: ServerLayout.sudoRule, encoding: .utf8)) ?? ""
            let allowed = rule.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("NOPASSWD") }
            if allowed.count != 1 || !allowed[0].hasSuffix("NOPASSWD: " + ServerLayout.binary)
                || !allowed[0].contains("(\(host.account))") {
                problems.append("\(ServerLayout.sudoRule) doit permettre \(ServerLayout.binary) sous \(host.account), et rien d'autre.")
            }
            if !rule.contains("closefrom_override") {
                problems.append("\(ServerLayout.sudoRule) ne permet pas aux agents de transmettre leurs fichiers (closefrom_override) : "
                    + "relancez « guichet serveur installer ».")
            }
            let mountinfo = (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? ""
            if !ServerLayout.procHidesProcesses(options: ServerLayout.procOptions(mountinfo: mountinfo) ?? "") {
                problems.append("/proc n'est pas monté avec hidepid : chaque utilisateur voit les processus des agents. "
                    + "Lancez « mount -o remount,hidepid=2 /proc » et ajoutez à /etc/fstab : \(ServerLayout.procFstabLine)")
            }
            problems += host.unknownKeys.map {
                "\(HostConfiguration.defaultPath), \($0) : clé inconnue de Guichet (une faute de frappe ?), sans effet."
            }
            if problems.isEmpty {
                print("Frontière intacte : base, pièces, programme, règle sudo et configuration sont en ordre.")
            } else {
                problems.forEach { print($0) }
                throw ExitCode(1)
            }
        }
    }
}
