/// How many tiers, relations, agents and events a store holds.
public struct StoreSummary: Sendable, Equatable, Codable {
    public var persons: Int
    public var organisations: Int
    public var relations: Int
    public var agents: Int
    public var events: Int
}
