import ArgumentParser
import SIMSModel

/// `guichet agent add|list|set-role|disable`: the agents' accounts (administrators only).
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Gère les comptes des agents (administrateurs).",
        subcommands: [AgentAddCommand.self, AgentListCommand.self, AgentSetRoleCommand.self, AgentDisableCommand.self])

    /// Parses `accueil,instructeur` into roles, or explains what is accepted.
    static func roles(_ text: String) throws -> Set<Role> {
        var roles = Set<Role>()
        for part in text.split(separator: ",") {
            guard let role = Role.parse(String(part)) else {
                throw SIMSModel.ValidationError(field: nil, message: "Rôle « \(part) » inconnu : accueil, instructeur, superviseur ou administrateur.")
            }
            roles.insert(role)
        }
        return roles
    }
}
