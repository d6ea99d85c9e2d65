import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// The application on an in-memory 80×24 terminal over a temporary store, driven by keys.
final class ScreenHarness: KeyDrivenHarness {
    /// 29/11/2026 10:00 in Nouméa.
    static let now = Date(timeIntervalSince1970: 1_795_906_800)

    let directory: String
    let store: SIMSStore
    let agent: Agent
    let terminal: InMemoryTerminal
    let session: AppSession
    let app: Application

    /// `directory`: where the store is made (a folder on a small file system, say); a new
    /// temporary folder when nil.
    init(directory: String? = nil, tiers: [(TierKind, [TierField: String])] = [], roles: Set<Role> = [.reception, .supervisor],
         catalog: ProcedureCatalog = ProcedureCatalog(procedures: []), catalogProblem: String? = nil,
         receipts: ReceiptOutput? = nil, keymap: Keymap = DefaultKeymap.keymap) throws {
        self.directory = directory ?? NSTemporaryDirectory() + "guichet-screens-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        store = try SIMSStore.open(path: self.directory + "/sims.sqlite", create: true, clock: .fixed(Self.now))
        let agents = AgentService(store: store)
        let admin = try agents.initialise(login: "admin", fullName: "Administrateur")
        agent = try agents.add(login: "mgorodey", fullName: "Marie Gorodey", roles: roles, services: ["DPASS"], by: admin)
        for (kind, values) in tiers {
            try TierService(store: store).create(kind: kind, values: values, by: agent)
        }
        terminal = InMemoryTerminal(columns: 80, rows: 24)
        session = AppSession(store: store, agent: agent, keymap: keymap, clock: .fixed(Self.now),
                             catalog: catalog, catalogProblem: catalogProblem, receipts: receipts)
        app = Application(terminal: terminal, session: session, root: HomeScreen(session: session))
        app.renderFrame()
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
