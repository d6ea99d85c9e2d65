import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet procedures check [DIR]`: reads every procedure file and says « 5 démarches valides
/// dans procedures/ », or prints every mistake, one a line, and exits with status 1.
struct ProceduresCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Vérifie les fichiers de démarches et signale chaque erreur avec son fichier et sa ligne.")

    @Argument(help: ArgumentHelp(
        "Dossier à vérifier (sinon GUICHET_PROCEDURES, sinon ./procedures, sinon $XDG_DATA_HOME/guichet/procedures).",
        valueName: "dossier"))
    var directory: String?

    func run() throws {
        try CommandFailure.guarded {
            let folder = ProcedureOptions.directory(explicit: directory)
            let catalog = ProcedureOptions.load(folder)
            print(Self.summary(count: catalog.procedures.count, shown: ProcedureOptions.shown(folder)))
        }
    }

    /// « 5 démarches valides dans procedures/ ».
    static func summary(count: Int, shown: String) -> String {
        count == 1 ? "1 démarche valide dans \(shown)" : "\(count) démarches valides dans \(shown)"
    }
}
