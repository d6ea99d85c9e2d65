import ArgumentParser

/// `guichet procedures list|check|show`: the procedure catalogue, read from its folder of YAML
/// files (no store needed).
struct ProceduresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procedures", abstract: "Catalogue des démarches : liste, vérification des fichiers, fiche pratique.",
        subcommands: [ProceduresListCommand.self, ProceduresCheckCommand.self, ProceduresShowCommand.self],
        defaultSubcommand: ProceduresListCommand.self)
}
