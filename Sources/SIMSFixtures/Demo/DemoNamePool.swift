import SIMSModel
/// A list of names with their e-mail forms computed once, so that drawing a name costs nothing.
///
/// ```swift
/// let pool = DemoNamePool(["Hélène", "Zoé"])
/// pool.slugs[0]   // "helene"
/// ```
struct DemoNamePool: Sendable {
    /// The names, with their accents as typed.
    let names: [String]
    /// The lowercase ASCII forms of `names`, at the same positions.
    let slugs: [String]
    /// For family names: the given names never combined with each name, at the same positions
    /// (the full names of public figures); empty sets elsewhere.
    let excludedGivenNames: [Set<String>]

    /// Creates a pool; `names` must not be empty. `excluding` maps a name to the given names
    /// that must never go with it.
    init(_ names: [String], excluding: [String: Set<String>] = [:]) {
        precondition(!names.isEmpty, "a name pool must not be empty")
        self.names = names
        self.slugs = names.map(DemoText.slug)
        self.excludedGivenNames = names.map { excluding[$0] ?? [] }
    }

    /// The index of one name, drawn uniformly.
    func pick(using random: inout DemoRandomGenerator) -> Int {
        random.below(names.count)
    }
}
