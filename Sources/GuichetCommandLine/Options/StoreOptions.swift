import ArgumentParser
import Foundation
import SIMSModel

/// The `--db` and `--demo` options every command shares, and the opening of the store and of the
/// agent's session.
///
/// `--demo` names the demonstration store (``StoreLocation/demo(environment:)``), before or
/// after the subcommand (`guichet --demo summary`, `guichet summary --demo`); only `guichet --demo`
/// alone creates it.
package struct StoreOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: "Chemin de la base SIMS ou adresse postgresql://… (sinon GUICHET_DB, sinon $XDG_DATA_HOME/guichet/sims.sqlite).")
    package var db: String?

    @Flag(name: .long, help: "La base de démonstration (données fictives) ; « guichet --demo » seul la crée au besoin et l'ouvre.")
    package var demo = false

    package var environment: [String: String] { ProcessInfo.processInfo.environment }

    package var path: String {
        if db != nil, demo {
            CommandFailure.fail("--db et --demo désignent chacune une base : gardez-en une seule.")
        }
        if demo, HostEnvironment.actingForAgent {
            CommandFailure.fail("--demo n'est pas permis ici : sur ce serveur, Guichet ouvre la base du registre. Essayez la "
                + "démonstration sur votre propre poste (guichet --demo), sans données réelles.")
        }
        if db != nil, HostEnvironment.actingForAgent {
            CommandFailure.fail("--db n'est pas permis ici : la base est celle que fixe \(HostConfiguration.defaultPath).")
        }
        if demo { return StoreLocation.demo(environment: environment) }
        let location = StoreLocation.resolve(explicit: db, environment: environment)
        do {
            // A PostgreSQL register is named by its URI, checked here; SIMSStore opens it.
            if PostgresURI.isURI(location) { _ = try PostgresURI.parse(location); return location }
            return try StoreLocation.filePath(location)
        } catch {
            CommandFailure.fail("\(error)")
        }
    }

    /// The path the store's companion files (anchors, sessions, backups' folder) are named after:
    /// ``path`` for a SQLite file, the register's local folder for a PostgreSQL URI
    /// (``StoreLocation/companionPath(of:environment:)``).
    package var companionPath: String {
        let path = path
        do {
            return try StoreLocation.companionPath(of: path, environment: environment)
        } catch {
            CommandFailure.fail("\(error)")
        }
    }

    /// Refuses a store that does not exist, before anything is written beside it (its sessions
    /// folder): a command on a missing store creates nothing.
    /// A PostgreSQL register is checked when opened (an empty database is refused there).
    package func requireExisting(_ path: String) throws {
        guard !PostgresURI.isURI(path), !FileManager.default.fileExists(atPath: path) else { return }
        if demo {
            CommandFailure.fail("la base de démonstration \(path) n'existe pas encore : lancez « guichet --demo » pour la créer "
                + "(quelques dizaines de secondes), puis relancez cette commande.")
        }
        let missing = StoreError.missingStore(path: path)
        if FileManager.default.fileExists(atPath: StoreLocation.demo(environment: environment)) {
            CommandFailure.fail("\(missing) La base de démonstration existe : ajoutez --demo pour l'utiliser.")
        }
        throw missing
    }

    /// Opens an existing store, and announces this process on it (``StoreSessions``).
    package func open(create: Bool = false) throws -> SIMSStore {
        let path = path
        if !create { try requireExisting(path) }
        try Self.enterGate(path)
        let store = try SIMSStore.open(path: path, create: create)
        StoreSessions.register(storePath: store.path, login: LoginResolver.current(environment: environment),
                               activity: Self.activity())
        return store
    }

    /// Takes the store's gate before opening it: during a restoration's swap, says so on
    /// standard error and waits (``StoreSessions/enter(storePath:waiting:)``). A PostgreSQL register
    /// has no files to swap: no gate.
    package static func enterGate(_ path: String) throws {
        guard !PostgresURI.isURI(path) else { return }
        try StoreSessions.enter(storePath: path) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    }

    /// The command being run, as other agents may see it: its subcommand words, never its
    /// arguments (a search holds a name).
    package static func activity(_ arguments: [String] = HostEnvironment.arguments) -> String {
        let words = arguments.prefix { !$0.hasPrefix("-") }
        guard let first = words.first else { return "application" }
        let grouped: Set<String> = ["agent", "import", "export", "dossier", "bench", "procedures", "serveur"]
        return words.prefix(grouped.contains(first) ? 2 : 1).joined(separator: " ")
    }

    /// Opens the store and the account of the operating-system login.
    package func session() throws -> (SIMSStore, Agent) {
        let store = try open()
        let agent = try AgentService(store: store).authenticate(login: LoginResolver.current(environment: environment))
        return (store, agent)
    }
}
