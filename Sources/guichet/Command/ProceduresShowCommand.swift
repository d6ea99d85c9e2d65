import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet procedures show CODE [--procedures DIR]`: the fiche pratique of a procedure as
/// printable text.
struct ProceduresShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Affiche la fiche pratique d'une démarche, prête à imprimer.")

    @OptionGroup var options: ProcedureOptions
    @Argument(help: "Code de la démarche, par ex. BS.") var code: String

    func run() throws {
        try CommandFailure.guarded {
            let catalog = options.catalog()
            guard let procedure = catalog.procedure(code: code) else {
                let codes = catalog.procedures.map(\.code).sorted().joined(separator: ", ")
                CommandFailure.fail("aucune démarche de code « \(code) » dans \(ProcedureOptions.shown(options.directory)) "
                    + "(codes : \(codes)).")
            }
            print(ProcedureSheetText.render(procedure), terminator: "")
        }
    }
}
