import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet init`: creates the store and makes the current login its administrator.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Crée la base SIMS et fait de l'identifiant courant son administrateur.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Nom complet de l'administrateur.")
    var name: String?

    func run() throws {
        try CommandFailure.guarded {
            let opened = try store.open(create: true)
            let login = LoginResolver.current(environment: store.environment)
            try AgentService(store: opened).initialise(login: login, fullName: name ?? login)
            print("Base créée : \(opened.location)\nAdministrateur : \(login)")
        }
    }
}
