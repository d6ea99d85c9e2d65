import ArgumentParser

/// `guichet import tiers FILE.csv`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importe des données (administrateurs).", subcommands: [ImportTiersCommand.self])
}
