import SIMSModel
/// The kind of place a commune is, which sets the community mix of its households.
///
/// Greater Nouméa is the most mixed; the « brousse » villages have more Europeans and Kanak;
/// the tribal communes of the south (Thio, Yaté, Île des Pins) are mostly Kanak.
enum DemoSettlement: Int, Sendable, CaseIterable {
    /// Nouméa, Dumbéa, Mont-Dore, Païta.
    case urban
    /// Bourail, La Foa, Boulouparis, Farino, Moindou, Sarraméa, Poya.
    case rural
    /// Thio, Yaté, Île des Pins.
    case tribal

    /// The weights (per mille) of each ``DemoCommunity`` among households, in `allCases` order:
    /// Kanak, European, Wallisian and Futunian, Tahitian, Indonesian, Vietnamese, ni-Vanuatu, other.
    var communityWeights: [Int] {
        switch self {
        case .urban: return [270, 410, 160, 35, 30, 30, 25, 40]
        case .rural: return [350, 500, 60, 20, 30, 10, 10, 20]
        case .tribal: return [860, 80, 30, 10, 5, 5, 5, 5]
        }
    }
}
