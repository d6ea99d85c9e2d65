import ArgumentParser

/// `guichet doublons entrainer`: the register's duplicates (superviseurs, administrateurs).
struct DoublonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doublons", abstract: "Doublons du registre : paramètres du score (superviseurs, administrateurs).",
        subcommands: [DoublonsTrainCommand.self])
}
