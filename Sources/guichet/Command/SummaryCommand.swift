import ArgumentParser
import GuichetCommandLine
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
                Base \(opened.location)
                Agent : \(agent.fullName) (\(agent.login)), \(agent.rolesLabel)
                \(FrenchCount.of(summary.persons, "personne")), \(FrenchCount.of(summary.organisations, "organisation")), \
                \(FrenchCount.of(summary.relations, "relation")), \(FrenchCount.of(summary.agents, "agent")), \
                \(FrenchCount.of(summary.events, "événement")) au journal.
                """)
        }
    }
}
