import ArgumentParser

/// `guichet dossier …`: dossier actions for scripts and checks.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier", abstract: "Dossiers : prendre le suivant dans la file.",
        subcommands: [DossierNextCommand.self])
}
