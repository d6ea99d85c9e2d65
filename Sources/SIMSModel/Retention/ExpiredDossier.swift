/// A closed dossier whose retention has run out: what the purge would erase.
public struct ExpiredDossier: Sendable, Equatable {
    public let id: Int64
    public let number: String?
    public let procedureCode: String
    public let decidedAt: String
    public let term: RetentionTerm
    /// Whether the retention was recorded at the decision (otherwise the procedure's current one).
    public let recordedAtDecision: Bool

    /// « BS-2026-000123 »
    public var name: String { number ?? "n° \(id)" }
}
