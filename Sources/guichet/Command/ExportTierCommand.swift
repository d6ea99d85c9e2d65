import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet export tier ID [--motif TEXTE]`: everything held on one tier, as JSON (RGPD right of
/// access). A restricted tier is exported only with `--motif`.
struct ExportTierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tier", abstract: "Tout ce que SIMS détient sur un tiers, en JSON (droit d'accès RGPD).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Numéro du tiers.") var id: Int64
    @Option(name: .long, help: "Motif de l'export (« droit d'accès » par défaut ; exigé pour une fiche limitée).")
    var motif: String?

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            if let redirect = try TierMerger(store: opened).redirect(of: id) {
                FileHandle.standardError.write(Data("guichet : \(redirect.notice) Export de la fiche n° \(redirect.survivorID).\n".utf8))
            }
            do {
                print(try TierExporter(store: opened).export(id: id, by: agent, motif: motif))
            } catch let refusal as RestrictedTierRefusal {
                CommandFailure.fail(RgpdCommand.motifNeeded(refusal, action: "l'exporter"))
            }
        }
    }
}
