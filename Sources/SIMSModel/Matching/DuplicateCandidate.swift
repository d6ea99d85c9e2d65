/// An existing tier that may be the one being entered, with why it is suspected.
public struct DuplicateCandidate: Sendable, Equatable {
    public var hit: SearchHit
    /// Between 0 and 1: 1 is the same RIDET or the same names and birth date.
    public var likelihood: Double
    /// Why, in French: « même date de naissance, nom proche ».
    public var reason: String
}
