import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet rgpd consultations ID [--depuis jj/mm/aaaa] [--motif TEXTE]`: who consulted or
/// exported a person's data, when and why, as text to hand over (superviseurs, administrateurs).
struct RgpdConsultationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consultations",
        abstract: "Qui a consulté ou exporté les données d'une personne, quand et pourquoi (texte à remettre).",
        discussion: "Le relevé est lui-même enregistré comme une consultation ; pour une fiche limitée, --motif est exigé.")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Numéro du tiers.") var id: Int64
    @Option(name: .long, help: "Premier jour du relevé (jj/mm/aaaa).") var depuis: String?
    @Option(name: .long, help: "Motif du relevé (exigé pour une fiche limitée).") var motif: String?

    func run() throws {
        try CommandFailure.guarded {
            let since = try depuis.map { typed in
                let iso = try DateRule.normalize(typed, label: "--depuis", notAfter: nil)
                return CalendarDate(iso: iso)!
            }
            let (opened, agent) = try store.session()
            do {
                let listing = try ConsultationLog(store: opened).listing(tierID: id, since: since, by: agent, motif: motif)
                print(ConsultationListingText.render(listing), terminator: "")
            } catch let refusal as RestrictedTierRefusal {
                CommandFailure.fail(RgpdCommand.motifNeeded(refusal, action: "relever ses consultations"))
            }
        }
    }
}
