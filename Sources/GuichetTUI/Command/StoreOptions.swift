import ArgumentParser
import Foundation
import SIMSModel

/// The `--db` option every command shares, and the opening of the store and of the agent's session.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "Chemin de la base SIMS (sinon GUICHET_DB, sinon $XDG_DATA_HOME/guichet/sims.sqlite).")
    var db: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    var path: String { StoreLocation.resolve(explicit: db, environment: environment) }

    /// Opens an existing store.
    func open(create: Bool = false) throws -> SIMSStore {
        try SIMSStore.open(path: path, create: create)
    }

    /// Opens the store and the account of the operating-system login.
    func session() throws -> (SIMSStore, Agent) {
        let store = try open()
        let agent = try AgentService(store: store).authenticate(login: LoginResolver.current(environment: environment))
        return (store, agent)
    }
}
