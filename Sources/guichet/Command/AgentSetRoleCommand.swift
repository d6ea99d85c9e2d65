import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet agent set-role LOGIN accueil,superviseur`
struct AgentSetRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-role", abstract: "Remplace les rôles d'un agent.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Identifiant de l'agent.") var login: String
    @Argument(help: "Rôles séparés par des virgules.") var roles: String

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let (opened, admin) = try store.session()
            let agent = try AgentService(store: opened).setRoles(login: login, roles: try AgentCommand.roles(roles), by: admin)
            print("Rôles de \(agent.login) : \(agent.rolesLabel)")
        }
    }
}
