import ArgumentParser
import Foundation
import SIMSModel

/// `guichet export tier ID`: everything held on one tier, as JSON (RGPD right of access).
struct ExportTierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tier", abstract: "Tout ce que SIMS détient sur un tiers, en JSON (droit d'accès RGPD).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Numéro du tiers.") var id: Int64

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            if let redirect = try TierMerger(store: opened).redirect(of: id) {
                FileHandle.standardError.write(Data("guichet : \(redirect.notice) Export de la fiche n° \(redirect.survivorID).\n".utf8))
            }
            print(try TierExporter(store: opened).export(id: id, by: agent))
        }
    }
}
