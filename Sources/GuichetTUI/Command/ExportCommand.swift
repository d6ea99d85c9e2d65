import ArgumentParser

/// `guichet export tier ID`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Exporte des données.", subcommands: [ExportTierCommand.self])
}
