import ArgumentParser

/// `guichet export tier ID`, `guichet export dossiers --csv`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Exporte des données.", subcommands: [ExportTierCommand.self, ExportDossiersCommand.self])
}
