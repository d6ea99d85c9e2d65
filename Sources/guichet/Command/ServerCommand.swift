import ArgumentParser

/// `guichet serveur …`: setting a shared host up and checking its boundary.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serveur", abstract: "Serveur partagé : installer (root) et vérifier la frontière entre agents et base.",
        subcommands: [ServerInstallCommand.self, ServerCheckCommand.self])
}
