import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet agent list`
struct AgentListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Liste les agents.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try CommandFailure.guarded {
            let (opened, admin) = try store.session()
            try AgentService.require(admin, .administrator, .supervisor, to: "lister les agents")
            for agent in try AgentService(store: opened).list() {
                let state = agent.active ? "actif" : "désactivé"
                let services = agent.services.isEmpty ? "" : " — services : \(agent.services.joined(separator: ", "))"
                print("\(agent.login)\t\(agent.fullName)\t\(agent.rolesLabel)\t\(state)\(services)")
            }
        }
    }
}
