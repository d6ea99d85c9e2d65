import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet procedures list [MOTS...] [--procedures DIR]`: one procedure a line, with its code,
/// title, review levels and deadline.
struct ProceduresListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Liste les démarches : code, titre, niveaux de validation, délai de décision.")

    @OptionGroup var options: ProcedureOptions
    @Argument(help: "Mots à chercher dans le code, le titre ou la fiche (accents et majuscules ignorés).")
    var query: [String] = []

    func run() throws {
        try CommandFailure.guarded {
            let catalog = options.catalog()
            let words = query.joined(separator: " ")
            let found = catalog.search(words)
            if found.isEmpty { print("Aucune démarche ne correspond à « \(words) ».") }
            for procedure in found { print(Self.line(procedure)) }
        }
    }

    /// `BS	Demande de bourse scolaire	2 niveaux	45 jours`.
    static func line(_ procedure: Procedure) -> String {
        let levels = procedure.reviewLevels == 1 ? "1 niveau" : "\(procedure.reviewLevels) niveaux"
        let days = procedure.deadlineDays == 1 ? "1 jour" : "\(procedure.deadlineDays) jours"
        return [procedure.code, procedure.title, levels, days].joined(separator: "\t")
    }
}
