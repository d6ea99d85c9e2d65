import SIMSModel
/// A commune of the Province Sud as the demo population uses it: official name, postal code,
/// census population, and the local colour (streets, tribes, neighbourhoods) of its addresses.
///
/// ```swift
/// let noumea = DemoCommune.provinceSud[0]
/// noumea.name        // "Nouméa"
/// noumea.postalCode  // "98800"
/// ```
struct DemoCommune: Sendable {
    /// The official name, with its accents.
    let name: String
    /// The 5-digit postal code.
    let postalCode: String
    /// The population at the 2019 census (rounded; the Province Sud part only for Poya).
    let population: Int
    /// The kind of place, which sets the community mix.
    let settlement: DemoSettlement
    /// « de Nouméa », « du Mont-Dore », « de l'Île des Pins »: the name after « de ».
    let ofName: String
    /// Neighbourhoods and localities in the same « de ... » form, for business names.
    let places: [String]
    /// Streets and roads, without number.
    let streets: [String]
    /// The tribes of the commune (« tribu de ... »), possibly none.
    let tribes: [String]
    /// The probability that a Kanak household of the commune lives in a tribe.
    let kanakTribeShare: Double
    /// The first two digits of the commune's landline numbers.
    let landlinePrefixes: [Int]
}
