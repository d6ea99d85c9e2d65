/// How likely two records are one person, and why.
public struct MatchScore: Sendable, Equatable {
    /// Between 0 and 1.
    public var probability: Double
    /// The match weight in bits (log2 of the odds).
    public var weight: Double
    /// Each field's comparison level (nil: a value missing), in ``MatchField/allCases`` order.
    public var levels: [Int?]
    /// Why, in French, the strongest first: « même date de naissance », « nom proche (1 lettre) ».
    public var reasons: [String]

    /// The reasons as one line: « même date de naissance, nom proche (1 lettre), même commune ».
    public var reasonText: String { reasons.joined(separator: ", ") }
}
