import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet rgpd lever ID --motif TEXTE`: lifts the restriction of a tier's processing (superviseurs).
struct RgpdLiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lever", abstract: "Lève la limitation du traitement d'une fiche (superviseurs).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Numéro du tiers.") var id: Int64
    @Option(name: .long, help: "Pourquoi la limitation prend fin.") var motif: String

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let restriction = try TierRestrictionService(store: opened).lift(tierID: id, motif: motif, by: agent)
            print("Limitation de la fiche n° \(id) levée le \(Timestamp.french(restriction.liftedAt ?? "")) : "
                  + "« \(restriction.liftMotif ?? motif) ».")
        }
    }
}
