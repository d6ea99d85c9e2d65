import SIMSModel

/// Persons of a benchmark store drawn at the ids a benchmark's own pseudo-random sequence gives
/// (the queries of `bench search`, the names and entries of `bench ui`), read in one transaction.
///
/// ```swift
/// var names: [String] = []
/// try PersonSampler.sample(store, attempts: 200, nextID: { maxID in Int64.random(in: 1...maxID) }) { person in
///     names.append(person.displayName)
///     return names.count < 10
/// }
/// ```
package enum PersonSampler {
    /// Reads the tier at `nextID(maxID)` (`maxID` the largest tier id) up to `attempts` times, and
    /// hands each person found to `take`, until it returns false. Nothing is read from an empty
    /// store.
    package static func sample(_ store: SIMSStore, attempts: Int, nextID: (Int64) -> Int64,
                               _ take: (TierSnapshot) throws -> Bool) throws {
        try store.read { db in
            let maxID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM tier") ?? 0
            guard maxID > 0 else { return }
            for _ in 0..<max(attempts, 0) {
                guard let tier = try TierService.read(db, id: nextID(maxID)), tier.kind == .person else { continue }
                if try !take(tier) { return }
            }
        }
    }
}
