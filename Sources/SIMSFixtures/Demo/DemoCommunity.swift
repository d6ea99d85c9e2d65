import SIMSModel
/// One of the communities of New Caledonia whose names the demo population uses.
///
/// The raw values are the French labels of the census (« communauté d'appartenance »).
/// People who declare several communities or « Calédonien » carry names of the communities
/// listed here, so they are folded into them.
///
/// ```swift
/// DemoCommunity.kanak.populationShare   // about 0.29 in the demo population
/// ```
public enum DemoCommunity: String, Sendable, CaseIterable {
    case kanak = "Kanak"
    case european = "Européenne"
    case wallisianFutunian = "Wallisienne et futunienne"
    case tahitian = "Tahitienne"
    case indonesian = "Indonésienne"
    case vietnamese = "Vietnamienne"
    case niVanuatu = "Ni-Vanuatu"
    case other = "Autre"

    /// The share of persons of this community in a demo population (0...1).
    ///
    /// It follows from the commune weights and each commune's settlement mix; see
    /// ``DemoPopulation/communityMix``.
    public var populationShare: Double {
        DemoCatalog.shared.communityShares[index]
    }

    /// The position of the case in `allCases`, used to index the catalog's tables.
    var index: Int {
        switch self {
        case .kanak: return 0
        case .european: return 1
        case .wallisianFutunian: return 2
        case .tahitian: return 3
        case .indonesian: return 4
        case .vietnamese: return 5
        case .niVanuatu: return 6
        case .other: return 7
        }
    }

    /// The share of given names drawn from the French (European) pools rather than the
    /// community's own: many Kanak, Wallisian or Vietnamese Caledonians bear French given names.
    var frenchGivenNameShare: Double {
        switch self {
        case .kanak: return 0.45
        case .european: return 1.0
        case .wallisianFutunian: return 0.3
        case .tahitian: return 0.35
        case .indonesian: return 0.5
        case .vietnamese: return 0.6
        case .niVanuatu: return 0.3
        case .other: return 0.5
        }
    }

    /// The adjective used in association names, e.g. « Association culturelle kanak ».
    var associationAdjective: String {
        switch self {
        case .kanak: return "kanak"
        case .european: return "calédonienne"
        case .wallisianFutunian: return "wallisienne et futunienne"
        case .tahitian: return "polynésienne"
        case .indonesian: return "indonésienne"
        case .vietnamese: return "vietnamienne"
        case .niVanuatu: return "ni-Vanuatu"
        case .other: return "des communautés"
        }
    }
}
