/// A multiset of (text, number) or (text, text) pairs summed under a keyed hash: two multisets
/// with the same sum and count hold the same pairs, unless someone knew the run's random key.
struct KeyedSum: Equatable {
    private(set) var sum: UInt64 = 0
    private(set) var count = 0
    /// One seed per run: Swift's `Hasher` is seeded at random once per process.
    private static let seed = Int.random(in: .min ... .max)

    mutating func add(_ text: UnsafeRawBufferPointer, _ number: Int64) {
        var hasher = Hasher()
        hasher.combine(Self.seed)
        hasher.combine(bytes: text)
        hasher.combine(number)
        sum &+= UInt64(bitPattern: Int64(hasher.finalize()))
        count += 1
    }

    mutating func add(_ text: [UInt8], _ other: [UInt8]) {
        var hasher = Hasher()
        hasher.combine(Self.seed)
        text.withUnsafeBytes { hasher.combine(bytes: $0) }
        hasher.combine(0xFF as UInt8)
        other.withUnsafeBytes { hasher.combine(bytes: $0) }
        sum &+= UInt64(bitPattern: Int64(hasher.finalize()))
        count += 1
    }

    mutating func add(_ text: UnsafeRawBufferPointer, _ other: UnsafeRawBufferPointer) {
        var hasher = Hasher()
        hasher.combine(Self.seed)
        hasher.combine(bytes: text)
        hasher.combine(0xFF as UInt8)
        hasher.combine(bytes: other)
        sum &+= UInt64(bitPattern: Int64(hasher.finalize()))
        count += 1
    }
}
