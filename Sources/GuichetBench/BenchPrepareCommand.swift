import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench prepare`: builds a benchmark store (demo tiers and the FTS5 baseline table) in
/// a child process, so that the measuring process's peak memory is the search's own.
struct BenchPrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare", abstract: "Prépare une base de mesure (utilisé par bench search).", shouldDisplay: false)

    @OptionGroup var store: StoreOptions
    @Option(name: .long) var tiers: Int
    @Option(name: .long) var seed: UInt64 = 1

    func run() throws {
        try CommandFailure.guarded {
            let opened = try store.open(create: true)
            let login = LoginResolver.current(environment: store.environment)
            let agents = AgentService(store: opened)
            let admin = try agents.list().isEmpty ? try agents.initialise(login: login, fullName: login)
                                                  : try agents.authenticate(login: login)
            try DemoLoader(store: opened).load(count: tiers, seed: seed, by: admin)
            try SearchBaselineIndex.build(in: opened)
        }
    }
}
