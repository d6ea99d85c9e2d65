import ArgumentParser

/// `guichet bench search|import|ui|intake|documents|queues|check|charge|doublons|rgpd|inactifs`: the project's figures beside their baselines, in one run.
package struct BenchCommand: ParsableCommand {
    package init() {}

    package static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Mesures de performance (à lancer sur un binaire -c release).",
        subcommands: [BenchSearchCommand.self, BenchImportCommand.self, BenchUICommand.self, BenchIntakeCommand.self, BenchPrepareCommand.self,
                      BenchFirstFrameCommand.self, BenchDocumentsCommand.self, BenchQueuesCommand.self, BenchCheckCommand.self,
                      BenchChargeCommand.self, BenchChargeAgentCommand.self, BenchDoublonsCommand.self, BenchRgpdCommand.self,
                      BenchInactiveCommand.self])
}
