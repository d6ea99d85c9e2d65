import ArgumentParser
import SIMSModel

/// `guichet import tiers FILE.csv [--rejects FILE] [--strict]`
struct ImportTiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers", abstract: "Importe des tiers d'un fichier CSV (format dans le README).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Fichier CSV en UTF-8.") var file: String
    @Option(name: .long, help: "Fichier des lignes rejetées (par défaut FICHIER.rejets.csv).") var rejects: String?
    @Flag(name: .long, help: "Rejette toute la ligne quand une valeur facultative (téléphone, courriel, CAFAT, adresse) est fausse, au lieu de l'importer sans elle.")
    var strict = false

    func run() throws {
        try CommandFailure.guarded {
            let (opened, admin) = try store.session()
            let report = try TierImporter(store: opened).importTiers(path: file, rejectsPath: rejects, strict: strict, by: admin)
            print("\(report.imported) tiers importés, \(report.rejected) lignes rejetées.")
            if report.importedWithout > 0 {
                print("\(report.importedWithout) tiers importés sans une valeur facultative fausse (téléphone, courriel…).")
            }
            if report.rejected + report.importedWithout > 0 { print("Lignes rejetées ou incomplètes et motifs : \(report.rejectsPath)") }
        }
    }
}
