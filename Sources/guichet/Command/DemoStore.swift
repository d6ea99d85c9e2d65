import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// The demonstration store: created on first use with fictional tiers, the current login made
/// an agent holding every role so that every screen can be tried; when the procedure catalogue
/// has the school grant, last year's grants of some families, to renew.
enum DemoStore {
    static func openOrCreate(path: String, tiers: Int, login: String, catalog: ProcedureCatalog?) throws -> SIMSStore {
        if FileManager.default.fileExists(atPath: path) { return try SIMSStore.open(path: path) }
        FileHandle.standardError.write(Data("Création de la base de démonstration \(path) (\(tiers) tiers fictifs)…\n".utf8))
        // Built under a temporary name and renamed once complete: an interrupted creation leaves
        // nothing that the next start would take for a finished demo store.
        let building = path + ".creation"
        removeStore(at: building)
        do {
            try fill(path: building, tiers: tiers, login: login, catalog: catalog)
            // Its anchors (written at its first commit) go with it; a former demo store's are dropped.
            try? FileManager.default.removeItem(atPath: path + ".ancres")
            for suffix in ["-wal", "-shm", ".ancres", ""] where FileManager.default.fileExists(atPath: building + suffix) {
                try FileManager.default.moveItem(atPath: building + suffix, toPath: path + suffix)
            }
        } catch {
            removeStore(at: building)
            throw error
        }
        return try SIMSStore.open(path: path)
    }

    private static func fill(path: String, tiers: Int, login: String, catalog: ProcedureCatalog?) throws {
        let store = try SIMSStore.open(path: path, create: true)
        let agents = AgentService(store: store)
        let administrator = try agents.initialise(login: login, fullName: "Agent de démonstration")
        try agents.setRoles(login: login, roles: Set(Role.allCases), by: administrator)
        let agent = try agents.authenticate(login: login)   // now with every role
        // On a terminal, one line redrawn in place says where the creation stands (quiet in scripts).
        let line = ProgressLine(label: "Base de démonstration")
        defer { line.finish() }
        try DemoLoader(store: store).load(count: tiers, seed: 1, by: agent) { done in
            line.update("tiers", done: Int64(done), total: Int64(tiers), unit: "tiers")
        }
        if let grant = catalog?.procedure(code: "BS") {
            let families = max(tiers / 100, 10)
            let now = Date()
            let lastYear = try DemoDossiers.file(to: store, grant: grant, families: families, by: agent, now: now,
                                                 submittedAt: { _ in now.addingTimeInterval(-365 * 86_400) }, withDocuments: true) { done in
                line.update("dossiers de l'an dernier", done: Int64(done), total: Int64(families), unit: "dossiers")
            }
            try DemoReviews.add(to: store, grant: grant, lastYear: lastYear, families: families, skipping: families,
                                by: agent, now: now) { done in
                line.update("instruction", done: Int64(done), total: Int64(lastYear.count + families), unit: "dossiers")
            }
        }
        try store.close()
    }

    private static func removeStore(at path: String) {
        StoreFiles.remove(storePath: path)
    }
}
