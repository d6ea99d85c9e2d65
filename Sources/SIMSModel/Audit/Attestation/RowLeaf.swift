import Crypto

/// The SHA-256 digest of one attested row: its table's name and its attested columns' values.
///
/// Computed the same way, by the engine (``init(digestOf:)``), from a trigger's arguments (when
/// the row is written) and from a statement's columns (when `guichet check` reads the table
/// back). NULL values are left out with their position, so that a column added later with NULL in
/// the existing rows changes no digest.
struct RowLeaf: Equatable, Sendable {
    let limbs: (UInt64, UInt64, UInt64, UInt64)

    static func == (lhs: RowLeaf, rhs: RowLeaf) -> Bool {
        lhs.limbs.0 == rhs.limbs.0 && lhs.limbs.1 == rhs.limbs.1 && lhs.limbs.2 == rhs.limbs.2 && lhs.limbs.3 == rhs.limbs.3
    }

    /// The digest of a row's bytes as an engine gathers them: the table's name and NUL, then for
    /// each non-NULL attested column its position, its kind (1 integer, 2 real, 3 text, 4 blob)
    /// and its value (integers and reals as 8 bytes little-endian, text and blobs as their length
    /// on 4 bytes little-endian then their bytes). The SQLite engine gathers them from its C values
    /// (`RowLeaf+SQLiteValues`).
    init(digestOf bytes: [UInt8]) {
        let digest = SHA256.hash(data: bytes)
        limbs = digest.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).bigEndian,
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).bigEndian,
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).bigEndian,
             raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self).bigEndian)
        }
    }

    init(hex: String) {
        let sum = RowSum(count: 1, hex: hex)
        limbs = sum.limbs
    }

    /// 64 hexadecimal digits.
    var hex: String {
        var sum = RowSum()
        sum.add(self)
        return sum.hex
    }
}
