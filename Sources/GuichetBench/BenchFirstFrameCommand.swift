import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet bench first-frame --db PATH`: starts as the application does (store, agent, keymap,
/// home screen) and exits once the first frame is drawn, on an in-memory terminal. `bench ui`
/// times it from the outside, process start included.
struct BenchFirstFrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "first-frame", abstract: "Premier écran (mesure du démarrage).",
                                                    shouldDisplay: false)

    @OptionGroup var store: StoreOptions

    func run() throws {
        try CommandFailure.guarded {
            let opened = try store.open()
            var agent = try AgentService(store: opened).authenticate(login: LoginResolver.current(environment: store.environment))
            agent.roles = Set(Role.allCases)
            let keymap = try KeymapLoader.load(actingForAgent: HostEnvironment.actingForAgent, handedOver: HostEnvironment.agentKeymap).get()
            let session = AppSession(store: opened, agent: agent, keymap: keymap)
            let terminal = InMemoryTerminal(columns: 80, rows: 24)
            Application(terminal: terminal, session: session, root: HomeScreen(session: session)).renderFrame()
        }
    }
}
