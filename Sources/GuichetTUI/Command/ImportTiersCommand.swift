import ArgumentParser
import SIMSModel

/// `guichet import tiers FILE.csv [--rejects FILE]`
struct ImportTiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers", abstract: "Importe des tiers d'un fichier CSV (format dans le README).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Fichier CSV en UTF-8.") var file: String
    @Option(name: .long, help: "Fichier des lignes rejetées (par défaut FICHIER.rejets.csv).") var rejects: String?

    func run() throws {
        try CommandFailure.guarded {
            let (opened, admin) = try store.session()
            let report = try TierImporter(store: opened).importTiers(path: file, rejectsPath: rejects, by: admin)
            print("\(report.imported) tiers importés, \(report.rejected) lignes rejetées.")
            if report.rejected > 0 { print("Lignes rejetées et motifs : \(report.rejectsPath)") }
        }
    }
}
