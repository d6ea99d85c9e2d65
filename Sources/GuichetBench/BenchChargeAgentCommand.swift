import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet bench charge-agent --db PATH --agent LOGIN --role accueil|instructeur ...` (hidden):
/// one child process of `bench charge`, playing one agent's day (``ChargeAgentDay``) on the bench
/// store and printing its timings as one JSON object. It acts as the agent it is given, which is
/// why it works only on a store named by `--db` and never under the service account of a shared
/// host (where the store is the administrator's).
struct BenchChargeAgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "charge-agent", abstract: "Une journée d'agent (mesure de charge).",
                                                    shouldDisplay: false)

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Identifiant de l'agent joué.") var agent: String
    @Option(name: .long, help: "accueil ou instructeur.") var role: String
    @Option(name: .long, help: "Début de la journée (secondes depuis 1970).") var debut: Double
    @Option(name: .long, help: "Fin de la journée (secondes depuis 1970).") var fin: Double
    @Option(name: .long, help: "Arrivées étalées sur ces secondes après le début.") var etalement = 0.0
    @Option(name: .long, help: "Combien de fois plus vite qu'une personne.") var rythme = 1.0
    @OptionGroup var procedureOptions: ProcedureOptions

    func run() throws {
        try CommandFailure.guarded {
            guard !HostEnvironment.actingForAgent else {
                throw ValidationError(field: nil, message: "« bench charge-agent » n'est pas permis sous le compte de service.")
            }
            guard let kind = ChargeAgentDay.Kind(rawValue: role) else {
                throw ValidationError(field: nil, message: "--role : accueil ou instructeur.")
            }
            guard store.db != nil else { throw ValidationError(field: nil, message: "--db : la base de mesure.") }
            let opened = try SIMSStore.open(path: store.path)
            let played = try AgentService(store: opened).authenticate(login: agent)
            let catalog = procedureOptions.catalog()
            // Wall-clock times from the parent, turned into this process's monotonic clock.
            let nowWall = Date().timeIntervalSince1970, nowMono = DispatchTime.now().uptimeNanoseconds
            func monotonic(_ wall: Double) -> UInt64 { UInt64(max(0, Double(nowMono) + (wall - nowWall) * 1e9)) }
            let start = monotonic(debut + Double.random(in: 0...max(0, etalement)))
            while DispatchTime.now().uptimeNanoseconds < start { usleep(20_000) }
            let day = try ChargeAgentDay(store: opened, agent: played, kind: kind, catalog: catalog, end: monotonic(fin), pace: rythme)
            day.play()
            print(day.json())
        }
    }
}
