import ArgumentParser

/// `guichet doublons analyser|entrainer|fusionner|defaire-fusion`: the register's duplicates (superviseurs, administrateurs).
struct DoublonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doublons", abstract: "Doublons du registre : analyse, paramètres du score, fusion et défusion (superviseurs, administrateurs).",
        subcommands: [DoublonsAnalyseCommand.self, DoublonsTrainCommand.self, DoublonsMergeCommand.self, DoublonsUnmergeCommand.self])
}
