import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet rgpd limiter ID --motif TEXTE`: restricts a tier's processing (superviseurs).
struct RgpdRestrictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limiter",
        abstract: "Limite le traitement d'une fiche : ses données ne se consultent plus qu'avec un motif (superviseurs).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Numéro du tiers.") var id: Int64
    @Option(name: .long, help: "La demande de la personne (sa date, son objet).") var motif: String

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let restriction = try TierRestrictionService(store: opened).restrict(tierID: id, motif: motif, by: agent)
            print("Fiche n° \(id) limitée le \(Timestamp.french(restriction.restrictedAt)) : « \(restriction.motif) ».")
        }
    }
}
