import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet bench …` on a shared host, for an agent: administrateurs only, and every file of the
/// measure in a fresh private folder outside the store's (its stores, its work folder, the
/// `GUICHET_DB` of its default store), removed when the measure ends; a folder the agent names
/// (`--workdir`, `--db`, `--procedures`) is refused.
package enum BenchAccess {
    /// The private folder of this measure, removed at exit.
    nonisolated(unsafe) private static var folder: String?

    /// Checks and prepares a bench command run under the service account for an agent; does
    /// nothing otherwise. Runs before the arguments are parsed, as their defaults name the
    /// temporary folder.
    package static func admit(_ arguments: [String], actingForAgent: Bool = HostEnvironment.actingForAgent) throws {
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
        stopOnInterruption()
        setenv("TMPDIR", path + "/", 1)
        setenv("GUICHET_DB", path + "/sims.sqlite", 1)
        // The measure's own child processes work in that folder only, for the service account itself.
        unsetenv("SUDO_USER")
    }

    /// Sources of the signals that end a measure, kept for its life.
    nonisolated(unsafe) private static var interruptions: [DispatchSourceSignal] = []

    /// On Ctrl-C, a hang-up or a termination, the measure's own processes (a store being
    /// prepared) end with it and its folder is removed: nothing keeps running as the service
    /// account, nothing is left in /tmp.
    private static func stopOnInterruption() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                // They inherited the ignored signals: they are killed.
                for child in children() { kill(child, SIGKILL) }
                exit(128 + number)
            }
            source.resume()
            interruptions.append(source)
        }
    }

    /// The processes this one started and that still run.
    private static func children() -> [pid_t] {
        let own = getpid()
        return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap { name in
            guard let pid = pid_t(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // « pid (comm) state ppid … »: the name may hold spaces and parentheses, the fields after it do not.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == own ? pid : nil
        }
    }
}
