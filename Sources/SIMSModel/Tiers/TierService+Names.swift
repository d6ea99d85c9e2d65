extension TierService {
    /// The names of `ids` as lists show them, read together without recording a consultation
    /// (a list shows names only); a number with no record is left out.
    ///
    /// ```swift
    /// let names = try TierService(store: store).displayNames(of: [12, 45])   // [12: "WAMYTAN Hélène", …]
    /// ```
    public func displayNames(of ids: [Int64]) throws -> [Int64: String] {
        try store.read { db in
            var names: [Int64: String] = [:]
            for id in Set(ids) {
                if let snapshot = try Self.read(db, id: id) { names[id] = snapshot.displayName }
            }
            return names
        }
    }

    /// The highest tier number given so far (0 for an empty register): what an import reports
    /// it added is what lies above the number it started from.
    public func highestID() throws -> Int64 {
        try store.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM tier") } ?? 0
    }
}
