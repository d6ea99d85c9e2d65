/// The legal ground of an erasure of a person's data (`tier_erasure.ground`): the person asked
/// for it (RGPD art. 17), or the record stayed inactive past its retention (« Fiches
/// inactives »). Chosen by the path that led to the erasure, said wherever the erasure is.
public enum TierErasureGround: String, Sendable, CaseIterable, Codable {
    case request = "demande"
    case inactivity = "inactivite"

    /// After « effacée le 03/12/2026 »: « à la demande de la personne », « pour inactivité ».
    public var phrase: String {
        switch self {
        case .request: return "à la demande de la personne"
        case .inactivity: return "pour inactivité"
        }
    }

    /// The choice in the erasure form: « demande de la personne », « inactivité ».
    public var choice: String {
        switch self {
        case .request: return "demande de la personne"
        case .inactivity: return "inactivité"
        }
    }

    /// The event's label, for `guichet check` and the export's events.
    public var eventLabel: String { "effacement \(phrase)" }

    /// The stored value read back; a row written before grounds were recorded is a request.
    init(stored: String?) {
        self = stored.flatMap(Self.init(rawValue:)) ?? .request
    }
}
