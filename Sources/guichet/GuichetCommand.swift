import ArgumentParser
import Foundation
import GuichetBench
import GuichetCommandLine
import SIMSModel

/// `guichet`: the counter application without arguments, the administration tool with a subcommand.
@main
struct GuichetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guichet",
        abstract: "Guichet : l'outil des agents d'accueil de la Province Sud sur le registre SIMS.",
        subcommands: [
            InitCommand.self, AgentCommand.self, SearchCommand.self, DemoDataCommand.self, ImportCommand.self,
            ExportCommand.self, CheckCommand.self, SummaryCommand.self, DossierCommand.self, BenchCommand.self, ProceduresCommand.self,
            DashboardCommand.self, BackupCommand.self, RestoreCommand.self, ServerCommand.self, DoublonsCommand.self,
            RgpdCommand.self,
        ]
    )

    /// The process is prepared (umask, shared host) before the arguments are read.
    static func main() {
        let arguments = HostEnvironment.prepare()
        do {
            try BenchAccess.admit(arguments)
        } catch {
            CommandFailure.fail("\(error)")
        }
        main(arguments)
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var procedureOptions: ProcedureOptions

    @Option(name: .long, help: "Nombre de tiers fictifs de la base de démonstration créée par --demo.")
    var demoTiers = 20_000

    func run() throws {
        try CommandFailure.guarded {
            let environment = ProcessInfo.processInfo.environment
            let demo = store.demo
            let path = store.path
            if !demo { try store.requireExisting(path) }
            // A mistake in one procedure file must not close the counter: the others stay usable
            // and the catalogue screen shows what to fix.
            let catalog: ProcedureCatalog
            var problem: String?
            do throws(ProcedureCatalogError) { catalog = try ProcedureCatalog.load(directory: procedureOptions.directory) } catch {
                catalog = error.usable
                problem = "\(error)"
            }
            try StoreOptions.enterGate(path)
            let opened = demo
                ? try DemoStore.openOrCreate(path: path, tiers: demoTiers, login: LoginResolver.current(environment: environment),
                                             catalog: catalog)
                : try SIMSStore.open(path: path)
            let login = LoginResolver.current(environment: environment)
            StoreSessions.register(storePath: opened.path, login: login, activity: "application")
            let agent = try AgentService(store: opened).authenticate(login: login)
            try ApplicationLauncher.run(store: opened, agent: agent, catalog: catalog, catalogProblem: problem)
        }
    }
}
