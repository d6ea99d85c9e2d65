/// Where a fact came from.
public enum FactSource: String, Codable, Sendable, CaseIterable {
    /// Declared at the counter by the person, keyed by an agent.
    case counter = "guichet"
    /// Read from a document (the reference names it).
    case document = "piece"
    /// Imported from a file (the reference names the file and line).
    case imported = "import"
    /// Confirmed by a validating agent.
    case validation = "validation"
    /// Written back from a dossier (the reference names it).
    case dossier = "dossier"
    /// Fictional demonstration data.
    case demo = "demo"

    /// The French label of the source.
    public var label: String {
        switch self {
        case .counter: return "déclaré au guichet"
        case .document: return "lu sur pièce"
        case .imported: return "importé"
        case .validation: return "validé"
        case .dossier: return "dossier"
        case .demo: return "démonstration"
        }
    }
}
