

/// An account bound to an operating-system login, with roles and services.
public struct Agent: Sendable, Equatable, Codable, StoreRowDecodable {
    public var id: Int64
    public var login: String
    public var fullName: String
    public var roles: Set<Role>
    public var services: [String]
    public var active: Bool
    public var createdAt: String

    public init(id: Int64, login: String, fullName: String, roles: Set<Role>, services: [String], active: Bool,
                createdAt: String) {
        self.id = id
        self.login = login
        self.fullName = fullName
        self.roles = roles
        self.services = services
        self.active = active
        self.createdAt = createdAt
    }

    package init(row: StoreRow) throws {
        id = row["id"]
        login = row["login"]
        fullName = row["full_name"]
        let roleText: String = row["roles"]
        roles = Set(roleText.split(separator: ",").compactMap { Role(rawValue: String($0)) })
        let serviceText: String = row["services"]
        services = serviceText.split(separator: ",").map(String.init)
        active = row["active"]
        createdAt = row["created_at"]
    }

    /// Whether the agent holds the role.
    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// The roles in a stable order, French, comma-separated.
    public var rolesLabel: String { roles.sorted().map(\.label).joined(separator: ", ") }
}
