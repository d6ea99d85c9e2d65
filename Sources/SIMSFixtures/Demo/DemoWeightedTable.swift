import SIMSModel
/// A table of integer weights from which indices are drawn in proportion to their weight.
///
/// ```swift
/// let table = DemoWeightedTable(weights: [3, 1])   // index 0 three times as often as 1
/// let index = table.pick(using: &random)
/// ```
struct DemoWeightedTable: Sendable {
    private let cumulative: [Int]
    /// The sum of all weights.
    let total: Int

    /// Creates a table; weights must be non-negative and not all zero.
    init(weights: [Int]) {
        var running = 0
        var cumulative: [Int] = []
        cumulative.reserveCapacity(weights.count)
        for weight in weights {
            precondition(weight >= 0, "weights must not be negative")
            running += weight
            cumulative.append(running)
        }
        precondition(running > 0, "at least one weight must be positive")
        self.cumulative = cumulative
        self.total = running
    }

    /// The number of entries.
    var count: Int { cumulative.count }

    /// The probability of drawing `index`.
    func share(of index: Int) -> Double {
        let previous = index == 0 ? 0 : cumulative[index - 1]
        return Double(cumulative[index] - previous) / Double(total)
    }

    /// Draws one index in proportion to the weights.
    func pick(using random: inout DemoRandomGenerator) -> Int {
        let target = random.below(total)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
