import ArgumentParser
import SIMSModel

/// `guichet check`: SQLite's integrity, the whole audit chain, and the documents' files.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie l'intégrité de la base, la chaîne du journal d'audit et les fichiers des pièces.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            try AgentService.require(agent, .administrator, .supervisor, to: "vérifier la base")
            let report = try ChainVerifier.verify(opened)
            if report.integrityMessages.isEmpty {
                print("Intégrité SQLite : ok")
            } else {
                print("Intégrité SQLite : ÉCHEC")
                report.integrityMessages.prefix(20).forEach { print("  \($0)") }
            }
            if let problem = report.firstBreak {
                print("Journal d'audit : ROMPU après vérification de \(report.events) événements")
                print("  \(problem)")
            } else {
                print("Journal d'audit : \(report.events) événements, chaîne intacte")
            }
            let files = try DocumentFileVerifier.verify(opened)
            if files.isSound {
                print("Fichiers des pièces : \(files.checked) vérifiés, intacts")
            } else {
                print("Fichiers des pièces : \(files.missing.count) manquant(s), \(files.corrupt.count) altéré(s) sur \(files.checked)")
                (files.missing + files.corrupt).prefix(50).forEach { print("  \($0)") }
            }
            if files.orphans > 0 {
                print("  \(files.orphans) fichier(s) sans pièce enregistrée (interruption pendant un enregistrement) : sans effet.")
            }
            if !report.isSound || !files.isSound { throw ExitCode(2) }
        }
    }
}
