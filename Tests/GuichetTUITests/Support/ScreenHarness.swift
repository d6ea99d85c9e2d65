import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// The application on an in-memory 80×24 terminal over a temporary store, driven by keys.
final class ScreenHarness {
    /// 29/11/2026 10:00 in Nouméa.
    static let now = Date(timeIntervalSince1970: 1_795_906_800)

    let directory: String
    let store: SIMSStore
    let agent: Agent
    let terminal: InMemoryTerminal
    let session: AppSession
    let app: Application

    init(tiers: [(TierKind, [TierField: String])] = [], roles: Set<Role> = [.reception, .supervisor],
         catalog: ProcedureCatalog = ProcedureCatalog(procedures: []), catalogProblem: String? = nil,
         receipts: ReceiptOutput? = nil) throws {
        directory = NSTemporaryDirectory() + "guichet-screens-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SIMSStore.open(path: directory + "/sims.sqlite", create: true, clock: .fixed(Self.now))
        let agents = AgentService(store: store)
        let admin = try agents.initialise(login: "admin", fullName: "Administrateur")
        agent = try agents.add(login: "mgorodey", fullName: "Marie Gorodey", roles: roles, services: ["DPASS"], by: admin)
        for (kind, values) in tiers {
            try TierService(store: store).create(kind: kind, values: values, by: agent)
        }
        terminal = InMemoryTerminal(columns: 80, rows: 24)
        session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap, clock: .fixed(Self.now),
                             catalog: catalog, catalogProblem: catalogProblem, receipts: receipts)
        app = Application(terminal: terminal, session: session, root: HomeScreen(session: session))
        app.renderFrame()
    }

    /// Sends events through the application as the main loop would, rendering after each.
    @discardableResult
    func press(_ events: KeyEvent...) -> Bool {
        var running = true
        for event in events {
            running = app.process(event)
            app.renderFrame()
        }
        return running
    }

    /// Types text key by key.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The 80×24 screen as text, trailing spaces trimmed on each line.
    var screen: String { terminal.screenText }

    /// The screen's lines, padded: line `n` of the terminal.
    func line(_ n: Int) -> String { terminal.screenLines[n] }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
