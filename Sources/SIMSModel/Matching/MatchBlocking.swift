/// The stored tiers that may be the same person as a record, found on several keys so that a
/// true pair is not lost for want of one: names (surname with a given name, each of the person's
/// names, through the search with its slips and sounds) and the birth date.
///
/// ```swift
/// let hits = try MatchBlocking.candidates(db, of: typed, search: TierSearch(store: store))
/// ```
public enum MatchBlocking {
    /// Candidate tiers, best first by the search, without repeats; `perKey` per key at most.
    package static func candidates(_ db: any StoreSession, of record: MatchRecord, search: TierSearch, perKey: Int = 20) throws -> [SearchHit] {
        var queries: [[SearchTerm]] = []
        let given = record.givenNames.first
        let surnames = record.kind == .person ? record.surnames.filter { $0.count >= 2 } : []
        for surname in surnames.prefix(3) {
            queries.append([.name(surname)] + (given.map { [.name($0)] } ?? []))
        }
        if let date = record.birthDate {
            queries.append([.identifier(String(SearchTokenizer.dateToken(date).dropFirst()))])
        }
        if let cafat = record.cafat { queries.append([.identifier(cafat)]) }
        if let ridet = record.ridet { queries.append([.identifier(String(ridet.prefix(7)))]) }
        if record.kind == .organisation, !record.surnames.isEmpty {
            queries.append(record.surnames.prefix(3).map { .name($0) })
        }
        var result: [SearchHit] = []
        var seen = Set<Int64>()
        for terms in queries {
            for hit in try search.search(db, query: SearchQuery(terms: terms), limit: perKey)
            where hit.kind == record.kind && seen.insert(hit.tierID).inserted {
                result.append(hit)
            }
        }
        return result
    }
}
