import SIMSModel
/// The iterator of a ``DemoPopulation``: generates tiers one household or organisation at a time.
///
/// It keeps only the current household and a window of the most recent adults (the candidate
/// gérants), so its memory is constant whatever the count.
///
/// ```swift
/// var iterator = DemoPopulation(count: 2, seed: 7).makeIterator()
/// let first = iterator.next()    // localID 1, always an adult person
/// ```
public struct DemoPopulationIterator: IteratorProtocol, Sendable {
    /// The probability that the next unit is an organisation rather than a household, chosen so
    /// that organisations make ``DemoPopulation/organisationShare`` of the tiers.
    static let organisationProbability: Double = {
        let share = DemoPopulation.organisationShare
        let size = DemoHouseholdShape.expectedSize
        return share * size / (1 - share + share * size)
    }()

    /// How many recent adults are remembered as candidate gérants.
    static let adultWindowCapacity = 512

    let catalog: DemoCatalog
    let referenceYear: Int
    var random: DemoRandomGenerator
    var cafatNumbers: DemoNumberPermutation
    var ridetNumbers: DemoNumberPermutation
    var adults: DemoAdultWindow
    var nextLocalID = 1

    private let count: Int
    private var produced = 0
    var pending: [DemoTier] = []
    private var pendingIndex = 0

    init(count: Int, seed: UInt64, referenceYear: Int) {
        self.catalog = DemoCatalog.shared
        self.count = count
        self.referenceYear = referenceYear
        var random = DemoRandomGenerator(seed: seed)
        cafatNumbers = DemoNumberPermutation(lowest: 1_000_000, size: 9_000_000, random: &random)
        ridetNumbers = DemoNumberPermutation(lowest: 0, size: 2_000_000, random: &random)
        self.random = random
        adults = DemoAdultWindow(capacity: Self.adultWindowCapacity)
        pending.reserveCapacity(8)
    }

    /// The next tier, or nil after `count` tiers.
    public mutating func next() -> DemoTier? {
        guard produced < count else { return nil }
        if pendingIndex == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingIndex = 0
            if !adults.isEmpty && random.chance(Self.organisationProbability) {
                appendOrganisation()
            } else {
                appendHousehold()
            }
        }
        let tier = pending[pendingIndex]
        pendingIndex += 1
        produced += 1
        return tier
    }

    /// Appends `tier` to the current unit under the next local ID, and returns that ID.
    mutating func emit(kind: TierKind, values: [TierField: String], relations: [DemoRelation]) -> Int {
        let localID = nextLocalID
        nextLocalID += 1
        pending.append(DemoTier(localID: localID, kind: kind, values: values, relations: relations))
        return localID
    }

    // MARK: Shared value builders

    /// A street address of `commune`, such as « 12 rue Jules Garnier ».
    mutating func streetAddress(in commune: DemoCommune) -> String {
        let number = random.chance(0.7) ? random.between(1, 40) : random.between(1, 180)
        return "\(number) \(random.element(of: commune.streets))"
    }

    /// A 6-digit landline number of `commune` (starting with 2, 3 or 4).
    mutating func landline(in commune: DemoCommune) -> String {
        let prefix = random.element(of: commune.landlinePrefixes)
        return DemoText.digits(prefix * 10_000 + random.below(10_000), width: 6)
    }

    /// The first two digits of mobile numbers in the New Caledonian numbering plan (88 is a
    /// public phone booth, not a mobile), the 7x and 9x ranges counted twice as the most common.
    private static let mobilePrefixes: [Int] =
        Array(50...59) + Array(70...79) + Array(70...79) + Array(80...87) + [89] + Array(90...99) + Array(90...99)

    /// A 6-digit mobile number (starting with 5, 7, 8 or 9).
    mutating func mobile() -> String {
        let prefix = random.element(of: Self.mobilePrefixes)
        return DemoText.digits(prefix * 10_000 + random.below(10_000), width: 6)
    }
}
