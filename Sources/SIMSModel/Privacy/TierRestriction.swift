/// A restriction of a tier's processing (RGPD « limitation ») as recorded: who asked it be
/// recorded, when and why, and, once lifted, who lifted it, when and why.
public struct TierRestriction: Sendable, Equatable {
    public var id: Int64
    public var tierID: Int64
    public var motif: String
    public var restrictedBy: String
    /// The stored timestamp (ISO 8601, UTC).
    public var restrictedAt: String
    public var liftedBy: String?
    public var liftedAt: String?
    public var liftMotif: String?

    /// Whether the restriction is still in force.
    public var inForce: Bool { liftedAt == nil }
}
