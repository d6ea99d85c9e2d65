import GRDB

/// Ranks the existing tiers that may be the one being entered, with the search engine:
/// a person by names and birth date, an organisation by RIDET and raison sociale.
///
/// ```swift
/// let likely = try DuplicateFinder(store: store).candidates(kind: .person,
///     values: [.birthName: "Ouamytan", .givenNames: "Hélène", .birthDate: "1985-03-14"])
/// ```
public struct DuplicateFinder: Sendable {
    public let store: SIMSStore
    public var minimumLikelihood = 0.5

    public init(store: SIMSStore) { self.store = store }

    /// `values` are in stored form (see ``FieldValidator``). Best candidates first.
    public func candidates(kind: TierKind, values: [TierField: String], limit: Int = 5) throws -> [DuplicateCandidate] {
        let search = TierSearch(store: store)
        switch kind {
        case .person:
            let surnames = [values[.birthName], values[.usageName]].compactMap { $0 }.flatMap(SearchText.words)
            let given = values[.givenNames].map(SearchText.words)?.first
            guard !surnames.isEmpty || given != nil else { return [] }
            let date = values[.birthDate].flatMap(CalendarDate.init(iso:))
            var terms: [SearchTerm] = []
            if let surname = surnames.first { terms.append(.name(surname)) }
            if let given { terms.append(.name(given)) }
            let hits = try store.pool.read { db in
                try search.search(db, query: SearchQuery(terms: terms), limit: 200)
            }
            return hits.compactMap { hit -> DuplicateCandidate? in
                guard hit.kind == .person else { return nil }
                let nameScore = min(hit.score / (4.0 * Double(terms.count)), 1)
                var likelihood = nameScore * 0.6
                var reasons: [String] = [nameScore >= 0.99 ? "mêmes nom et prénom" : "nom proche"]
                if let date, let other = hit.birthDate.flatMap(CalendarDate.init(iso:)) {
                    if other == date {
                        likelihood += 0.4
                        reasons.append("même date de naissance")
                    } else if other.year == date.year && (other.month == date.day && other.day == date.month
                                                         || other.month == date.month) {
                        likelihood += 0.2
                        reasons.append("date de naissance proche")
                    } else {
                        likelihood -= 0.3
                    }
                }
                guard likelihood >= minimumLikelihood else { return nil }
                return DuplicateCandidate(hit: hit, likelihood: min(likelihood, 1), reason: reasons.joined(separator: ", "))
            }
            .sorted { $0.likelihood > $1.likelihood }
            .prefix(limit).map { $0 }
        case .organisation:
            var result: [DuplicateCandidate] = []
            if let ridet = values[.ridet] {
                let base = String(SearchText.digits(ridet).prefix(7))
                let hits = try store.pool.read { db in
                    try search.search(db, query: SearchQuery(terms: [.identifier(base)]), limit: limit)
                }
                for hit in hits where hit.kind == .organisation {
                    let same = hit.ridet.map(SearchText.digits) == SearchText.digits(ridet)
                    result.append(DuplicateCandidate(hit: hit, likelihood: same ? 1 : 0.8,
                                                     reason: same ? "même RIDET" : "même entreprise (RIDET), autre établissement"))
                }
            }
            if let name = values[.companyName] {
                let hits = try search.search(name, limit: limit)
                for hit in hits where hit.kind == .organisation && !result.contains(where: { $0.hit.tierID == hit.tierID }) {
                    let words = SearchText.words(name).filter { !SearchTokenizer.stopWords.contains($0) }.count
                    let likelihood = min(hit.score / (4.0 * Double(max(words, 1))), 1) * 0.7
                    if likelihood >= minimumLikelihood {
                        result.append(DuplicateCandidate(hit: hit, likelihood: likelihood, reason: "raison sociale proche"))
                    }
                }
            }
            return Array(result.sorted { $0.likelihood > $1.likelihood }.prefix(limit))
        }
    }
}
