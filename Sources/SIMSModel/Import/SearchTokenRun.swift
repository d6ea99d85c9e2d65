import Foundation

/// A run of `(token, tier id)` index rows, as ``SearchTokenRuns`` hands it out: the tokens'
/// bytes in one buffer and fixed-size entries pointing into it, so that sorting moves small
/// values compared by their first eight bytes as one integer, then `memcmp` (no string is
/// retained, released or compared through Unicode), and the writer binds each token straight
/// from the buffer.
///
/// The order is SQLite's for `search_token`'s key: the tokens' bytes (BINARY collation), then
/// the tier id.
///
/// ```swift
/// var run = SearchTokenRun()
/// run.append("wamytan", id: 2); run.append("helene", id: 2)
/// run.sort()
/// run.token(at: 0)   // "helene"
/// ```
struct SearchTokenRun: Sendable {
    /// One row: where its token lies in ``bytes`` and its tier.
    struct Entry: Sendable {
        /// The token's first eight bytes, big-endian, zero-padded: comparing two prefixes
        /// compares the tokens' first eight bytes.
        var prefix: UInt64
        var offset: UInt32
        var length: UInt32
        var id: Int64
    }

    private(set) var bytes: [UInt8] = []
    private(set) var entries: [Entry] = []

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }

    init(reservingRows rows: Int = 0) {
        entries.reserveCapacity(rows)
        bytes.reserveCapacity(rows * 10)
    }

    mutating func append(_ token: String, id: Int64) {
        var token = token
        token.withUTF8 { utf8 in
            var prefix: UInt64 = 0
            for k in 0..<8 { prefix = prefix << 8 | UInt64(k < utf8.count ? utf8[k] : 0) }
            entries.append(Entry(prefix: prefix, offset: UInt32(bytes.count), length: UInt32(utf8.count), id: id))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Sorts the rows in the key's order.
    mutating func sort() {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress
            entries.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                // Same first eight bytes (a token with a zero byte is no concern: tokens are text).
                let common = Int(min(a.length, b.length))
                if common > 8 {
                    let order = memcmp(base! + Int(a.offset) + 8, base! + Int(b.offset) + 8, common - 8)
                    if order != 0 { return order < 0 }
                }
                return a.length != b.length ? a.length < b.length : a.id < b.id
            }
        }
    }

    /// The token of row `i`.
    func token(at i: Int) -> String {
        let entry = entries[i]
        return String(decoding: bytes[Int(entry.offset)..<Int(entry.offset + entry.length)], as: UTF8.self)
    }

    func id(at i: Int) -> Int64 { entries[i].id }

    /// Calls `body` with the buffer of the tokens and the rows, for binding without copies.
    func withRows<R>(_ body: (UnsafeBufferPointer<UInt8>, [Entry]) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body($0, entries) }
    }
}
