import SIMSModel
/// A deterministic, fictional population of the Province Sud, for demonstrations, tests and benches.
///
/// Iterating yields exactly `count` ``DemoTier`` values, lazily: households (one or two adults,
/// then their 0 to 5 minor children, who share their family name and address) and, about
/// 8 % of the tiers, organisations managed by an earlier adult. The same `seed` always yields the
/// same sequence; memory does not grow with `count`, and a million tiers take a few seconds.
///
/// ```swift
/// for tier in DemoPopulation(count: 10_000, seed: 2019) {
///     try store.importDemo(tier)   // relations only point to earlier tiers
/// }
/// ```
///
/// ## Community mix
///
/// Every person, address and business is fictional; names are drawn independently, and a few
/// full names of real public figures are excluded. The households' communes are drawn in
/// proportion to the 2019 census of the Province Sud communes (Nouméa 94,300, Dumbéa 35,900,
/// Mont-Dore 27,600, Païta 24,600, Bourail 5,500, La Foa 3,600, Boulouparis 3,300, Thio 2,500,
/// Île des Pins 2,000, Yaté 1,700, Farino 700, Moindou 700, Sarraméa 600, southern Poya 300),
/// so Nouméa holds about 46 % of the persons. Each household's community then follows its
/// commune (per mille: Kanak, European, Wallisian and Futunian, Tahitian, Indonesian,
/// Vietnamese, ni-Vanuatu, other):
///
/// | commune | mix |
/// | --- | --- |
/// | Greater Nouméa | 270, 410, 160, 35, 30, 30, 25, 40 |
/// | « brousse » villages | 350, 500, 60, 20, 30, 10, 10, 20 |
/// | Thio, Yaté, Île des Pins | 860, 80, 30, 10, 5, 5, 5, 5 |
///
/// which gives overall about 29 % Kanak, 41 % European, 15 % Wallisian and Futunian, 3 %
/// Tahitian, 3 % Indonesian, 3 % Vietnamese, 2 % ni-Vanuatu and 4 % others (see
/// ``communityMix``): the census shares of the Province Sud, with the people declaring several
/// communities or « Calédonien » folded into the communities whose names they carry.
/// In 12 % of couples the spouses come from two communities.
///
/// CAFAT numbers and the 7-digit company part of RIDET numbers are unique within a population
/// of up to 10 million tiers.
public struct DemoPopulation: Sequence, Sendable {
    /// The year whose 1 January ages are computed at, unless another is given.
    public static let defaultReferenceYear = 2026

    /// The share of organisations among the tiers, in the long run.
    public static let organisationShare = 0.08

    /// The share of each community among the generated persons, in `DemoCommunity.allCases` order.
    public static var communityMix: [(community: DemoCommunity, share: Double)] {
        DemoCommunity.allCases.map { ($0, $0.populationShare) }
    }

    /// The number of tiers the sequence yields.
    public let count: Int
    /// The seed that determines the whole sequence.
    public let seed: UInt64
    /// Ages are as of 1 January of this year: adults are 18 to 90, children 0 to 17.
    public let referenceYear: Int

    /// Creates a population of `count` tiers determined by `seed`.
    public init(count: Int, seed: UInt64, referenceYear: Int = DemoPopulation.defaultReferenceYear) {
        precondition(count >= 0, "count must not be negative")
        self.count = count
        self.seed = seed
        self.referenceYear = referenceYear
    }

    /// A new iterator, starting from the first tier.
    public func makeIterator() -> DemoPopulationIterator {
        DemoPopulationIterator(count: count, seed: seed, referenceYear: referenceYear)
    }

    /// The exact number of tiers, so that `Array(population)` allocates once.
    public var underestimatedCount: Int { count }
}
