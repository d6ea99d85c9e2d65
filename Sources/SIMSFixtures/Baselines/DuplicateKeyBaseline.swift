import GRDB
import SIMSModel

/// `guichet bench doublons`' baseline: the pairs of persons with the same folded names and the
/// same birth date, in one sorted scan, as a simple exact-key deduplication would find them.
package enum DuplicateKeyBaseline {
    /// Every pair of persons of `store` sharing folded names and birth date.
    package static func pairs(_ store: SIMSStore) throws -> [(Int64, Int64)] {
        try store.sqlitePool.read { db in
            var pairs: [(Int64, Int64)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, folded_names, birth_date FROM tier WHERE kind = 'personne' AND birth_date IS NOT NULL
                ORDER BY folded_names, birth_date, id
                """)
            var group: [Int64] = []
            var last: (String, String)?
            func close() {
                for i in group.indices { for j in (i + 1)..<group.count { pairs.append((group[i], group[j])) } }
                group.removeAll(keepingCapacity: true)
            }
            while let row = try rows.next() {
                let key: (String, String) = (row[1], row[2])
                if last.map({ $0 != key }) ?? true { close(); last = key }
                group.append(row[0])
            }
            close()
            return pairs
        }
    }

    /// The smallest tier id of `store` (the first imported line), 1 when it has none.
    package static func firstTierID(_ store: SIMSStore) throws -> Int64 {
        try store.sqlitePool.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM tier") ?? 1 }
    }
}
