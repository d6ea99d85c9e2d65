import ArgumentParser
import SIMSModel

/// `guichet summary`: what the store holds.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "summary", abstract: "Résume le contenu de la base.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            try ApplicationLauncher.run(store: opened, agent: agent)
        }
    }
}
