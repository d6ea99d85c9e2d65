/// What an audit event records.
public enum EventKind: String, Codable, Sendable, CaseIterable {
    case storeInitialised = "store.init"
    case agentAdded = "agent.add"
    case agentRolesChanged = "agent.roles"
    case agentDisabled = "agent.disable"
    case tierCreated = "tier.create"
    case tierUpdated = "tier.update"
    case relationAdded = "relation.add"
    case tierConsulted = "tier.consult"
    case tierExported = "tier.export"
    case tiersImported = "tiers.import"
    case demoDataLoaded = "demo.load"
    case documentRegistered = "document.add"
    case dossierStarted = "dossier.start"
    case dossierAbandoned = "dossier.abandon"
    case dossierSubmitted = "dossier.submit"

    /// The French label shown in histories and check reports.
    public var label: String {
        switch self {
        case .storeInitialised: return "initialisation de la base"
        case .agentAdded: return "ajout d'un agent"
        case .agentRolesChanged: return "changement de rôles"
        case .agentDisabled: return "désactivation d'un agent"
        case .tierCreated: return "création de fiche"
        case .tierUpdated: return "modification de fiche"
        case .relationAdded: return "ajout de relation"
        case .tierConsulted: return "consultation de fiche"
        case .tierExported: return "export RGPD de fiche"
        case .tiersImported: return "import de tiers"
        case .demoDataLoaded: return "chargement de données de démonstration"
        case .documentRegistered: return "enregistrement d'une pièce"
        case .dossierStarted: return "ouverture d'un dossier en brouillon"
        case .dossierAbandoned: return "abandon d'un brouillon de dossier"
        case .dossierSubmitted: return "dépôt d'un dossier"
        }
    }
}
