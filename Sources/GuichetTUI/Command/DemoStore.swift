import Foundation
import SIMSModel

/// The demonstration store: created on first use with fictional tiers, the current login made
/// an agent holding every role so that every screen can be tried; when the procedure catalogue
/// has the school grant, last year's grants of some families, to renew.
enum DemoStore {
    static func openOrCreate(path: String, tiers: Int, login: String, catalog: ProcedureCatalog?) throws -> SIMSStore {
        let store = try SIMSStore.open(path: path, create: true)
        let agents = AgentService(store: store)
        if try agents.list().isEmpty {
            FileHandle.standardError.write(Data("Création de la base de démonstration \(path) (\(tiers) tiers fictifs)…\n".utf8))
            let admin = try agents.initialise(login: login, fullName: "Agent de démonstration")
            try agents.setRoles(login: login, roles: Set(Role.allCases), by: admin)
            try DemoLoader(store: store).load(count: tiers, seed: 1, by: admin)
            if let grant = catalog?.procedure(code: "BS") {
                try DemoDossiers.add(to: store, grant: grant, families: max(tiers / 100, 10), by: admin)
            }
        }
        return store
    }
}
