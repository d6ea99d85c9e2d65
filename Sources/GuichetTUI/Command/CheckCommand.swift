import ArgumentParser
import SIMSModel

/// `guichet check`: SQLite's integrity and the whole audit chain.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie l'intégrité de la base et la chaîne du journal d'audit.")

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
            if !report.isSound { throw ExitCode(2) }
        }
    }
}
