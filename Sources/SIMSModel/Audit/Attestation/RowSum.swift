/// A sum of row digests modulo 2^256, with the number of rows summed.
///
/// Adding is commutative, so that the rows of a table can be summed in any order and a row can be
/// taken out again by subtracting its digest: an event attests the sum of what it wrote, the check
/// sums what the tables hold.
///
/// ```swift
/// var sum = RowSum()
/// sum.add(leaf)
/// sum.subtract(leaf)
/// sum == RowSum()   // true
/// ```
struct RowSum: Equatable, Sendable {
    /// Least significant limb first.
    private(set) var limbs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// Rows added minus rows subtracted.
    private(set) var count: Int64 = 0

    init() {}

    init(count: Int64, hex: String) {
        self.count = count
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return }
        func limb(_ index: Int) -> UInt64 {
            // Limb 0 is the last 16 hex digits.
            let start = 64 - (index + 1) * 16
            return UInt64(String(decoding: bytes[start..<start + 16], as: UTF8.self), radix: 16) ?? 0
        }
        limbs = (limb(0), limb(1), limb(2), limb(3))
    }

    static func == (lhs: RowSum, rhs: RowSum) -> Bool {
        lhs.count == rhs.count && lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1
            && lhs.limbs.2 == rhs.limbs.2 && lhs.limbs.3 == rhs.limbs.3
    }

    /// Adds one row's digest.
    mutating func add(_ leaf: RowLeaf) {
        add(leaf.limbs)
        count += 1
    }

    /// Takes one row's digest out.
    mutating func subtract(_ leaf: RowLeaf) {
        add(Self.negated(leaf.limbs))
        count -= 1
    }

    /// Adds another sum (its rows and its count).
    mutating func add(_ other: RowSum) {
        add(other.limbs)
        count += other.count
    }

    /// Takes another sum out.
    mutating func subtract(_ other: RowSum) {
        add(Self.negated(other.limbs))
        count -= other.count
    }

    /// The 256-bit value as 64 hexadecimal digits, most significant first.
    var hex: String {
        [limbs.3, limbs.2, limbs.1, limbs.0].map { limb in
            let digits = String(limb, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }

    private mutating func add(_ other: (UInt64, UInt64, UInt64, UInt64)) {
        var carry: UInt64 = 0
        func step(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let (s1, o1) = a.addingReportingOverflow(b)
            let (s2, o2) = s1.addingReportingOverflow(carry)
            carry = (o1 ? 1 : 0) + (o2 ? 1 : 0)
            return s2
        }
        let l0 = step(limbs.0, other.0)
        let l1 = step(limbs.1, other.1)
        let l2 = step(limbs.2, other.2)
        let l3 = step(limbs.3, other.3)
        limbs = (l0, l1, l2, l3)
    }

    /// Two's complement: x + negated(x) == 0 modulo 2^256.
    private static func negated(_ value: (UInt64, UInt64, UInt64, UInt64)) -> (UInt64, UInt64, UInt64, UInt64) {
        var result = RowSum()
        result.limbs = (~value.0, ~value.1, ~value.2, ~value.3)
        result.add((1, 0, 0, 0))
        return result.limbs
    }
}
