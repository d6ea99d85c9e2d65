import Foundation
import XCTest
import SIMSModel
@testable import GuichetTUI

/// The application on an in-memory 80×24 terminal over a temporary store, driven by keys.
final class ScreenHarness: KeyDrivenHarness {
    /// 29/11/2026 10:00 in Nouméa.
    static let now = TestStore.now

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
        let base = try TestStore(clock: .fixed(Self.now), prefix: "guichet-screens-", login: "mgorodey", roles: roles,
                                 directory: directory)
        (self.directory, store, agent) = (base.directory, base.store, base.counter)
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
