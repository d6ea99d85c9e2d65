import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet agent add LOGIN --name NOM --role accueil[,instructeur] [--service S]`
struct AgentAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Ajoute un agent lié à un identifiant du système.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Identifiant de connexion du système.") var login: String
    @Option(name: .long, help: "Nom complet.") var name: String
    @Option(name: .long, help: "Rôles séparés par des virgules : accueil, instructeur, superviseur, administrateur.") var role: String
    @Option(name: .long, help: "Service (répétable).") var service: [String] = []

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let (opened, admin) = try store.session()
            let agent = try AgentService(store: opened).add(login: login, fullName: name, roles: try AgentCommand.roles(role),
                                                            services: service, by: admin)
            print("Agent ajouté : \(agent.login) (\(agent.rolesLabel))")
        }
    }
}
