import SIMSModel
/// Every table the generator draws from, built once and shared by all iterators.
///
/// Keeping the tables in one immutable object lets the hot loop index plain arrays
/// instead of rebuilding lists or switching on enums for each tier.
final class DemoCatalog: Sendable {
    /// The catalog every ``DemoPopulationIterator`` uses.
    static let shared = DemoCatalog()

    /// The communes of the Province Sud.
    let communes: [DemoCommune]
    /// Draws the commune of a household, in proportion to the 2019 census.
    let householdCommunes: DemoWeightedTable
    /// Draws the commune of an organisation: as households, with Nouméa counted 1.5 times.
    let organisationCommunes: DemoWeightedTable
    /// Draws a community for each ``DemoSettlement``, indexed by its raw value.
    let settlementCommunities: [DemoWeightedTable]
    /// The resulting share of each community among households, indexed like `DemoCommunity.allCases`.
    let communityShares: [Double]

    /// Family names, indexed by community, each with the given names it must not go with.
    let familyNames: [DemoNamePool]
    /// Given names, indexed by community, then `[female classic, male classic, female modern, male modern]`.
    let givenNames: [[DemoNamePool]]
    /// Draws an adult birth place for each community; the empty place is the home commune.
    let birthPlaces: [(places: [String], table: DemoWeightedTable)]

    /// Draws the shape of a household.
    let householdShapes: DemoWeightedTable
    /// Draws the number of children (index + 1) of a household with children.
    let childCounts: DemoWeightedTable
    /// Draws an organisation's legal form.
    let legalForms: DemoWeightedTable

    /// E-mail domains of persons, and the table drawing one.
    let emailDomains: [String]
    let emailDomainTable: DemoWeightedTable

    /// Full names (« Given Family ») of real public figures that the generator never produces.
    let reservedFullNames: [String: Set<String>]

    private init() {
        communes = DemoCommune.provinceSud
        householdCommunes = DemoWeightedTable(weights: communes.map(\.population))
        organisationCommunes = DemoWeightedTable(
            weights: communes.map { $0.name == "Nouméa" ? $0.population * 3 / 2 : $0.population }
        )
        settlementCommunities = DemoSettlement.allCases.map {
            DemoWeightedTable(weights: $0.communityWeights)
        }
        var shares = Array(repeating: 0.0, count: DemoCommunity.allCases.count)
        for (index, commune) in communes.enumerated() {
            let communeShare = householdCommunes.share(of: index)
            let table = settlementCommunities[commune.settlement.rawValue]
            for community in 0..<shares.count {
                shares[community] += communeShare * table.share(of: community)
            }
        }
        communityShares = shares

        let reserved: [(String, String)] = [
            ("Jean-Marie", "Tjibaou"), ("Emmanuel", "Tjibaou"), ("Marie-Claude", "Tjibaou"),
            ("Roch", "Wamytan"), ("Déwé", "Gorodey"), ("Nidoïsh", "Naisseline"),
            ("Paul", "Néaoutyine"), ("Dick", "Ukeiwé"), ("Emmanuel", "Kasarhérou"),
            ("Rock", "Pidjot"), ("Raphaël", "Pidjot"), ("Djubelly", "Wéa"), ("Boniface", "Ounou"),
            ("Daniel", "Goa"), ("Victor", "Tutugoro"), ("Charles", "Washetine"),
            ("Néko", "Hnepeune"), ("Élie", "Poigoune"), ("Harold", "Martin"),
            ("Jacques", "Lafleur"), ("Isabelle", "Lafleur"), ("Henri", "Lafleur"),
            ("Aloïsio", "Sako"), ("Milakulo", "Tukumuli"),
        ]
        var reservedFullNames: [String: Set<String>] = [:]
        for (given, family) in reserved {
            reservedFullNames[family, default: []].insert(given)
        }
        self.reservedFullNames = reservedFullNames
        familyNames = DemoCommunity.allCases.map {
            DemoNamePool($0.familyNames, excluding: reservedFullNames)
        }
        givenNames = DemoCommunity.allCases.map { community in
            [
                DemoNamePool(community.givenNames(female: true, modern: false)),
                DemoNamePool(community.givenNames(female: false, modern: false)),
                DemoNamePool(community.givenNames(female: true, modern: true)),
                DemoNamePool(community.givenNames(female: false, modern: true)),
            ]
        }
        birthPlaces = DemoCommunity.allCases.map { community in
            let entries = community.adultBirthPlaces
            return (entries.map(\.place), DemoWeightedTable(weights: entries.map(\.weight)))
        }

        householdShapes = DemoWeightedTable(weights: DemoHouseholdShape.allCases.map(\.weight))
        childCounts = DemoWeightedTable(weights: DemoHouseholdShape.childCountWeights)
        legalForms = DemoWeightedTable(weights: DemoLegalForm.allCases.map(\.weight))

        let domains: [(String, Int)] = [
            ("gmail.com", 30), ("lagoon.nc", 20), ("canl.nc", 10), ("mls.nc", 8),
            ("hotmail.fr", 12), ("yahoo.fr", 8), ("outlook.fr", 6), ("orange.fr", 4), ("live.fr", 2),
        ]
        emailDomains = domains.map(\.0)
        emailDomainTable = DemoWeightedTable(weights: domains.map(\.1))

    }
}
