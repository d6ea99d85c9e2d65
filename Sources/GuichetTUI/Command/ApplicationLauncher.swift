import Foundation
import SIMSModel

/// Starts the counter application for an authenticated agent.
///
/// Until the full-screen screens land, it prints the store's summary and how to search it.
enum ApplicationLauncher {
    static func run(store: SIMSStore, agent: Agent) throws {
        let summary = try store.summary()
        print("""
            Guichet — base \(store.path)
            Agent : \(agent.fullName) (\(agent.login)), \(agent.rolesLabel)
            \(summary.persons) personnes, \(summary.organisations) organisations, \(summary.relations) relations, \
            \(summary.agents) agents, \(summary.events) événements au journal.
            Recherchez un tiers : guichet search --db \(store.path) "hélène wamytan"
            """)
    }
}
