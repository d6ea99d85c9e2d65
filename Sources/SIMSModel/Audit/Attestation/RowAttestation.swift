/// What one event attests of the rows its transaction wrote: each row named with its digest, or,
/// for a bulk write, sums per table and group of ids.
///
/// Its text is part of the event's hash. Lines:
///
/// ```text
/// + tier 12 <digest>            row written (inserted, or the new content of an update)
/// - dossier 7 <digest>          row taken out (deleted, or the old content of an update)
/// * fact_record 3 <n+> <sum+> <n-> <sum->   bulk: rows whose first key / 1024 is 3
/// ```
package struct RowAttestation: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var added: Bool
        var table: String
        var key: String
        var leaf: RowLeaf
        /// The group of the first key column, for bulk sums.
        var bucket: Int64
    }

    struct BucketKey: Hashable, Comparable, Sendable {
        var table: String
        var bucket: Int64
        static func < (lhs: BucketKey, rhs: BucketKey) -> Bool {
            (lhs.table, lhs.bucket) < (rhs.table, rhs.bucket)
        }
    }

    struct BucketSums: Equatable, Sendable {
        var added = RowSum()
        var removed = RowSum()
    }

    var entries: [Entry] = []
    var buckets: [BucketKey: BucketSums] = [:]

    var isEmpty: Bool { entries.isEmpty && buckets.isEmpty }

    /// What the tables should hold more (or less) after this event, per table.
    var netByTable: [String: RowSum] {
        var result: [String: RowSum] = [:]
        for entry in entries {
            var leafSum = RowSum()
            leafSum.add(entry.leaf)
            if entry.added { result[entry.table, default: RowSum()].add(leafSum) } else {
                result[entry.table, default: RowSum()].subtract(leafSum)
            }
        }
        for (key, sums) in buckets {
            result[key.table, default: RowSum()].add(sums.added)
            result[key.table, default: RowSum()].subtract(sums.removed)
        }
        return result
    }

    /// Folds the named entries into bucket sums (a bulk write keeps only those).
    mutating func foldEntries() {
        for entry in entries {
            let key = BucketKey(table: entry.table, bucket: entry.bucket)
            if entry.added { buckets[key, default: BucketSums()].added.add(entry.leaf) } else {
                buckets[key, default: BucketSums()].removed.add(entry.leaf)
            }
        }
        entries = []
    }

    var text: String {
        var lines = entries.map { "\($0.added ? "+" : "-") \($0.table) \($0.key) \($0.leaf.hex)" }
        for key in buckets.keys.sorted() {
            let sums = buckets[key]!
            lines.append("* \(key.table) \(key.bucket) \(sums.added.count) \(sums.added.hex) \(sums.removed.count) \(sums.removed.hex)")
        }
        return lines.joined(separator: "\n")
    }

    /// Parses the text written by ``text``; nil when it is not well formed.
    init?(text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            switch parts.first {
            case "+", "-":
                guard parts.count >= 4, parts[parts.count - 1].utf8.count == 64 else { return nil }
                let key = parts[2..<(parts.count - 1)].joined(separator: " ")
                let bucket = (Int64(key.split(separator: "/").first ?? "") ?? 0) / AttestedTable.bucketWidth
                entries.append(Entry(added: parts[0] == "+", table: parts[1], key: key,
                                     leaf: RowLeaf(hex: parts[parts.count - 1]), bucket: bucket))
            case "*":
                guard parts.count == 7, let bucket = Int64(parts[2]), let added = Int64(parts[3]),
                      let removed = Int64(parts[5]) else { return nil }
                buckets[BucketKey(table: parts[1], bucket: bucket)] =
                    BucketSums(added: RowSum(count: added, hex: parts[4]), removed: RowSum(count: removed, hex: parts[6]))
            default:
                return nil
            }
        }
    }

    init() {}
}
