import SIMSModel
/// The small deterministic pseudo-random generator of the demo data (SplitMix64).
///
/// The same seed always gives the same numbers, on every platform and Swift version, because
/// every derived draw (bounded integers, doubles) is computed here rather than by the standard
/// library, whose algorithms may change.
///
/// ```swift
/// var random = DemoRandomGenerator(seed: 42)
/// let die = random.below(6) + 1
/// ```
struct DemoRandomGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0 ..< bound` (multiply-shift; the bias is below 2⁻³² for our small bounds).
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A number in `lower ... upper`.
    mutating func between(_ lower: Int, _ upper: Int) -> Int {
        lower + below(upper - lower + 1)
    }

    /// A double in `0 ..< 1` with 53 random bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// `true` with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<T>(of array: [T]) -> T {
        array[below(array.count)]
    }
}
