import SIMSModel
/// A source of unique, random-looking fixed-width numbers (CAFAT numbers, RIDET company codes).
///
/// The n-th number is `lowest + (multiplier × n + offset) mod size`; as `multiplier` is coprime
/// with `size`, the first `size` numbers are all different.
///
/// ```swift
/// var numbers = DemoNumberPermutation(lowest: 1_000_000, size: 9_000_000, random: &random)
/// numbers.next()   // e.g. 6402117, then never 6402117 again
/// ```
struct DemoNumberPermutation: Sendable {
    private let lowest: Int
    private let size: Int
    private let multiplier: Int
    private let offset: Int
    private var issued = 0

    /// Creates a permutation of `lowest ..< lowest + size` drawn from `random`.
    init(lowest: Int, size: Int, random: inout DemoRandomGenerator) {
        precondition(size > 1, "size must be at least 2")
        self.lowest = lowest
        self.size = size
        var multiplier = size / 3 + random.below(size / 3)
        while Self.greatestCommonDivisor(multiplier, size) != 1 {
            multiplier += 1
        }
        self.multiplier = multiplier
        self.offset = random.below(size)
    }

    /// The next unique number, or nil once all `size` numbers were issued.
    mutating func next() -> Int? {
        guard issued < size else { return nil }
        let value = (multiplier * issued + offset) % size
        issued += 1
        return lowest + value
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
