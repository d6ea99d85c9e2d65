import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet agent disable LOGIN`
struct AgentDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Désactive le compte d'un agent.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Identifiant de l'agent.") var login: String

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let (opened, admin) = try store.session()
            let agent = try AgentService(store: opened).disable(login: login, by: admin)
            print("Compte de \(agent.login) désactivé.")
        }
    }
}
