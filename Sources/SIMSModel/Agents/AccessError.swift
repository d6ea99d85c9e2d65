/// Why an agent may not do what was asked, in French.
public enum AccessError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The operating-system login has no account.
    case unknownLogin(String)
    /// The account exists but was disabled.
    case disabled(String)
    /// The agent lacks every role that would allow the action.
    case missingRole(action: String, needed: [Role])

    public var description: String {
        switch self {
        case .unknownLogin(let login):
            return "L'identifiant « \(login) » n'a pas de compte Guichet. "
                + "Demandez à un administrateur de vous ajouter (guichet agent add \(login) ...)."
        case .disabled(let login):
            return "Le compte de « \(login) » est désactivé. Adressez-vous à un administrateur."
        case .missingRole(let action, let needed):
            let roles = needed.map(\.label).joined(separator: " ou ")
            return "Vous ne pouvez pas \(action) : il faut être \(roles)."
        }
    }
}
