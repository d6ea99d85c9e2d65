import SIMSModel
/// The legal forms (« formes juridiques ») of the demo organisations, with their weights.
///
/// The raw values are the stored forms of ``TierField/legalForm``.
enum DemoLegalForm: String, Sendable, CaseIterable {
    case sarl = "SARL"
    case sas = "SAS"
    case sasu = "SASU"
    case sa = "SA"
    case eurl = "EURL"
    case snc = "SNC"
    case sci = "SCI"
    case association = "Association loi 1901"
    case soleTrader = "Entreprise individuelle"

    /// How often the form is drawn, relative to the others.
    var weight: Int {
        switch self {
        case .sarl: return 32
        case .sas: return 9
        case .sasu: return 8
        case .sa: return 3
        case .eurl: return 9
        case .snc: return 2
        case .sci: return 11
        case .association: return 10
        case .soleTrader: return 16
        }
    }
}
