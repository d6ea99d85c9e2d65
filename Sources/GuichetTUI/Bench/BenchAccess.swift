import ArgumentParser
import Foundation
import SIMSModel

/// `guichet bench …` on a shared host, for an agent: administrateurs only, and every file of the
/// measure in a fresh private folder outside the store's (its stores, its work folder, the
/// `GUICHET_DB` of its default store), removed when the measure ends; a folder the agent names
/// (`--workdir`, `--db`, `--procedures`) is refused.
enum BenchAccess {
    /// The private folder of this measure, removed at exit.
    nonisolated(unsafe) private static var folder: String?

    /// Checks and prepares a bench command run under the service account for an agent; does
    /// nothing otherwise. Runs before the arguments are parsed, as their defaults name the
    /// temporary folder.
    static func admit(_ arguments: [String], actingForAgent: Bool = HostEnvironment.actingForAgent) throws {
        guard actingForAgent, arguments.first == "bench" else { return }
        for option in ["--workdir", "--db", "--procedures"] where arguments.contains(where: { $0 == option || $0.hasPrefix(option + "=") }) {
            throw ValidationError(field: nil, message: "\(option) n'est pas permis ici : sur ce serveur, une mesure travaille dans un "
                + "dossier privé et neuf, hors du dossier de la base, supprimé à la fin. Relancez sans \(option).")
        }
        let (store, agent) = try StoreOptions.parse([]).session()
        try store.close()
        try AgentService.require(agent, .administrator, to: "lancer une mesure (guichet bench)")
        var template = Array("/tmp/guichet-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ValidationError(field: nil, message: "Impossible de créer le dossier de la mesure : \(String(cString: strerror(errno))).")
        }
        let path = String(cString: made)
        folder = path
        atexit { if let folder = BenchAccess.folder { try? FileManager.default.removeItem(atPath: folder) } }
        setenv("TMPDIR", path + "/", 1)
        setenv("GUICHET_DB", path + "/sims.sqlite", 1)
        // The measure's own child processes work in that folder only, for the service account itself.
        unsetenv("SUDO_USER")
    }
}
