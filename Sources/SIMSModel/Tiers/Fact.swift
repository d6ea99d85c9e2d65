/// One value of one field of one tier, with its provenance.
///
/// Facts are never overwritten: a new fact supersedes the previous one of the same field, which
/// stays in the history. A nil value records that the field was erased.
public struct Fact: Sendable, Equatable, Codable {
    public var tierID: Int64
    public var field: TierField
    public var value: String?
    /// The tier version that wrote the fact.
    public var seq: Int
    public var source: FactSource
    public var reference: String?
    public var level: VerificationLevel
    public var agentID: Int64?
    public var agentLogin: String?
    /// When it was recorded (stored timestamp, UTC).
    public var recordedAt: String
    /// The audit event that recorded it.
    public var eventID: Int64

    /// The value as shown to agents (dates jj/mm/aaaa, phones 25.12.34...).
    public var displayValue: String {
        guard let value else { return "(effacé)" }
        return FieldValidator.display(value, for: field)
    }
}
