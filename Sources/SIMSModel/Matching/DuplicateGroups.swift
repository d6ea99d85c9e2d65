/// Groups the pairs found above the threshold into clusters of records of one person, checking
/// that a group's members are pairwise plausible: the pairs are taken most likely first, and a
/// pair that would join two groups is kept only if every record of one is plausibly the same
/// person as every record of the other (probability at least `plausible`) and the group stays
/// under `maximumSize`. A chain A–B–C where A and C are clearly two people keeps its strongest
/// link only.
///
/// ```swift
/// var groups = DuplicateGroups(plausible: 0.5) { a, b in engine.score(records[a]!, records[b]!).probability }
/// let kept = groups.add(pairsByProbability)
/// ```
struct DuplicateGroups {
    let plausible: Double
    var maximumSize = 12
    let probability: (Int64, Int64) -> Double
    private var parent: [Int64: Int64] = [:]
    private var members: [Int64: [Int64]] = [:]

    init(plausible: Double, probability: @escaping (Int64, Int64) -> Double) {
        self.plausible = plausible
        self.probability = probability
    }

    mutating func root(_ id: Int64) -> Int64 {
        var node = id
        while let up = parent[node], up != node { node = up }
        var walk = id
        while let up = parent[walk], up != node { parent[walk] = node; walk = up }
        return node
    }

    /// Adds the pair if its two groups can be one; false when the check refuses it.
    mutating func add(_ a: Int64, _ b: Int64) -> Bool {
        let (ra, rb) = (root(a), root(b))
        if ra == rb { return true }
        let left = members[ra] ?? [a], right = members[rb] ?? [b]
        guard left.count + right.count <= maximumSize else { return false }
        for x in left {
            for y in right where !(x == a && y == b) && !(x == b && y == a) {
                if probability(x, y) < plausible { return false }
            }
        }
        parent[rb] = ra
        parent[ra] = ra
        members[ra] = left + right
        members[rb] = nil
        return true
    }

    /// The number of groups of two or more.
    var count: Int { members.values.filter { $0.count > 1 }.count }
}
