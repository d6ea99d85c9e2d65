import ArgumentParser

/// `guichet doublons entrainer|fusionner|defaire-fusion`: the register's duplicates (superviseurs, administrateurs).
struct DoublonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doublons", abstract: "Doublons du registre : paramètres du score, fusion et défusion (superviseurs, administrateurs).",
        subcommands: [DoublonsTrainCommand.self, DoublonsMergeCommand.self, DoublonsUnmergeCommand.self])
}
