import SIMSModel
/// The make-up of one generated household: who lives together and whether there are children.
///
/// The weights give about 2.3 persons a household and 29 % of minors among persons, close to the
/// Province Sud (adult children still living with their parents are generated as separate adults).
enum DemoHouseholdShape: Int, Sendable, CaseIterable {
    /// One adult on their own.
    case single
    /// One adult with 1 to 5 minor children.
    case singleParent
    /// A couple without minor children.
    case couple
    /// A couple with 1 to 5 minor children.
    case coupleWithChildren

    /// How often the shape is drawn, relative to the others.
    var weight: Int {
        switch self {
        case .single: return 30
        case .singleParent: return 8
        case .couple: return 37
        case .coupleWithChildren: return 25
        }
    }

    /// The number of adults of the household.
    var adultCount: Int {
        switch self {
        case .single, .singleParent: return 1
        case .couple, .coupleWithChildren: return 2
        }
    }

    /// Whether the household has minor children.
    var hasChildren: Bool {
        self == .singleParent || self == .coupleWithChildren
    }

    /// The weights of 1, 2, 3, 4 and 5 children in a household with children.
    static let childCountWeights = [35, 35, 18, 8, 4]

    /// The mean number of persons of a household, used to size the share of organisations.
    static var expectedSize: Double {
        let totalWeight = Double(allCases.reduce(0) { $0 + $1.weight })
        let childWeightSum = Double(childCountWeights.reduce(0, +))
        var meanChildren = 0.0
        for (offset, weight) in childCountWeights.enumerated() {
            meanChildren += Double(offset + 1) * Double(weight) / childWeightSum
        }
        return allCases.reduce(0.0) { sum, shape in
            let size = Double(shape.adultCount) + (shape.hasChildren ? meanChildren : 0)
            return sum + size * Double(shape.weight) / totalWeight
        }
    }
}
