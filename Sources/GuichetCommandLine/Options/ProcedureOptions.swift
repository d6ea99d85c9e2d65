import ArgumentParser
import Foundation
import SIMSModel

/// The `--procedures DIR` option of the procedure commands, and the loading of the catalogue.
package struct ProcedureOptions: ParsableArguments {
    package init() {}

    @Option(name: .long, help: ArgumentHelp(
        "Dossier des fichiers de démarches (sinon GUICHET_PROCEDURES, sinon ./procedures, sinon $XDG_DATA_HOME/guichet/procedures).",
        valueName: "dossier"))
    package var procedures: String?

    /// The folder to read.
    package var directory: URL { Self.directory(explicit: procedures) }

    /// Loads the catalogue, or prints every mistake and exits with status 1.
    package func catalog() -> ProcedureCatalog { Self.load(directory) }

    /// The folder `explicit` names, or the default one (see ``ProcedureLocation``).
    package static func directory(explicit: String?) -> URL {
        if explicit != nil, HostEnvironment.actingForAgent {
            CommandFailure.fail("--procedures n'est pas permis ici : les démarches sont celles que fixe \(HostConfiguration.defaultPath).")
        }
        return ProcedureLocation.resolve(
            explicit: explicit, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The catalogue of `directory`; its mistakes go to standard error, one a line, then the
    /// command exits with status 1.
    package static func load(_ directory: URL) -> ProcedureCatalog {
        do {
            return try ProcedureCatalog.load(directory: directory)
        } catch {
            for line in error.errors { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
            let count = error.errors.count
            CommandFailure.fail(count == 1
                ? "1 erreur dans les démarches de \(shown(directory)) : corrigez-la, puis relancez « guichet procedures check »."
                : "\(count) erreurs dans les démarches de \(shown(directory)) : corrigez-les, puis relancez « guichet procedures check ».")
        }
    }

    /// `procedures/` for a folder under the current directory, else its full path, with a final `/`.
    package static func shown(_ directory: URL, currentDirectory: String = FileManager.default.currentDirectoryPath) -> String {
        let path = directory.standardizedFileURL.path
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        return relative.hasSuffix("/") ? relative : relative + "/"
    }
}
