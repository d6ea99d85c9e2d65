/// One consultation or export of a tier's data, as the listing of consultations shows it.
public struct ConsultationEntry: Sendable, Equatable {
    /// The stored timestamp (ISO 8601, UTC).
    public var at: String
    public var agentLogin: String
    public var agentName: String
    /// Where: the record, a dossier's review or form, an export, a listing.
    public var context: ConsultationContext
    /// The dossier through which the data was seen, when there was one (its number).
    public var dossier: String?
    /// The motif given (required when the tier was restricted; an export's « droit d'accès »).
    public var motif: String?
}
