import Foundation
/// What an agent may do. An agent may hold several roles.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case reception = "accueil"
    case instructor = "instructeur"
    case supervisor = "superviseur"
    case administrator = "administrateur"

    /// The French name of the role, as in the UI.
    public var label: String {
        switch self {
        case .reception: return "agent d'accueil"
        case .instructor: return "instructeur"
        case .supervisor: return "superviseur"
        case .administrator: return "administrateur"
        }
    }

    /// Parses a role typed on the command line: « accueil », « instructeur », « superviseur », « administrateur »
    /// (also « admin », « agent-accueil »), case- and accent-insensitive.
    public static func parse(_ text: String) -> Role? {
        let key = text.lowercased().trimmingCharacters(in: .whitespaces)
        switch key {
        case "accueil", "agent-accueil", "agent d'accueil", "agent_accueil": return .reception
        case "instructeur": return .instructor
        case "superviseur": return .supervisor
        case "administrateur", "admin": return .administrator
        default: return nil
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
