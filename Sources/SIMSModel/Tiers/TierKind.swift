/// Whether a tier is a natural person or an organisation.
///
/// The raw values are the French words used in CSV files and on screen.
public enum TierKind: String, Codable, Sendable, CaseIterable {
    case person = "personne"
    case organisation = "organisation"

    /// The French label shown to agents.
    public var label: String {
        switch self {
        case .person: return "Personne"
        case .organisation: return "Organisation"
        }
    }
}
