import ArgumentParser
import SIMSModel

/// `guichet summary`: what the store holds.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Résume le contenu de la base.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let summary = try opened.summary()
            print("""
                Base \(opened.path)
                Agent : \(agent.fullName) (\(agent.login)), \(agent.rolesLabel)
                \(summary.persons) personnes, \(summary.organisations) organisations, \(summary.relations) relations, \
                \(summary.agents) agents, \(summary.events) événements au journal.
                """)
        }
    }
}
