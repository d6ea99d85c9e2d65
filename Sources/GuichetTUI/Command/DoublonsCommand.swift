import ArgumentParser

/// `guichet doublons analyser|entrainer`: the register's duplicates (superviseurs, administrateurs).
struct DoublonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doublons", abstract: "Doublons du registre : analyse, paramètres du score (superviseurs, administrateurs).",
        subcommands: [DoublonsAnalyseCommand.self, DoublonsTrainCommand.self])
}
