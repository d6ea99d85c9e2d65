import ArgumentParser
import Foundation
import SIMSModel

/// `guichet import tiers FILE.csv [--rejects FILE]`
struct ImportTiersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiers", abstract: "Importe des tiers d'un fichier CSV (format dans le README).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Fichier CSV en UTF-8.") var file: String
    @Option(name: .long, help: "Fichier des lignes rejetées (par défaut FICHIER.rejets.csv).") var rejects: String?
    @Flag(name: .long, help: "Importer le fichier même s'il l'a déjà été (même contenu, même empreinte SHA-256).")
    var encore = false

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let (opened, admin) = try store.session()
            // The summary is printed and flushed the moment the import commits: an administrator
            // whose session is cut afterwards (during the closing checkpoint) knows it is done.
            try TierImporter(store: opened).importTiers(path: file, rejectsPath: rejects, again: encore, by: admin) { report in
                print("\(report.imported) tiers importés, \(report.rejected) lignes rejetées.")
                if report.rejected > 0 { print("Lignes rejetées et motifs : \(report.rejectsPath)") }
                fflush(nil)
            }
        }
    }
}
