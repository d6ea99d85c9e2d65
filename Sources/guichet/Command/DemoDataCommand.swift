import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet demo-data --tiers N [--seed S]`: fills the store with a fictional population.
struct DemoDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data", abstract: "Remplit la base d'une population fictive de la Province Sud (administrateurs).")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Nombre de tiers.") var tiers: Int
    @Option(name: .long, help: "Graine : la même graine donne la même population.") var seed: UInt64 = 1

    func validate() throws {
        guard tiers > 0, tiers <= 10_000_000 else {
            throw ArgumentParser.ValidationError("--tiers : indiquez un nombre entre 1 et 10 000 000.")
        }
    }

    func run() throws {
        try CommandFailure.guarded {
            let (opened, admin) = try store.session()
            let start = Date()
            let line = ProgressLine(label: "Données de démonstration")
            let written = try DemoLoader(store: opened).load(count: tiers, seed: seed, by: admin) { done in
                line.update("tiers", done: Int64(done), total: Int64(tiers), unit: "tiers")
            }
            line.finish()
            print("\(written) tiers fictifs ajoutés en \(String(format: "%.1f", Date().timeIntervalSince(start))) s.")
        }
    }
}
