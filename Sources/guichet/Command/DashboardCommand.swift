import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet dashboard --once`: the superviseur's dashboard printed once as plain text (the same
/// figures as the live screen of the application). Superviseurs only: it names agents and
/// applicants.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Affiche le tableau de bord des dossiers (superviseur).")

    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "Imprimer une fois les chiffres du tableau de bord, en texte.") var once = false

    func run() throws {
        guard once else {
            print("""
                Le tableau de bord en direct est dans l'application : lancez guichet, puis la touche \
                t (tableau de bord) sur l'accueil.
                Pour les chiffres en texte : guichet dashboard --once
                """)
            return
        }
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            try AgentService.require(agent, .supervisor, to: DashboardService.action)
            let figures = try DashboardService(store: opened).figures(now: opened.clock.now())
            print(DashboardText.render(figures), terminator: "")
            let quality = try RegisterQuality.read(opened, today: opened.clock.today())
            print((["", "Qualité du registre"] + quality.lines).joined(separator: "\n"))
        }
    }
}
