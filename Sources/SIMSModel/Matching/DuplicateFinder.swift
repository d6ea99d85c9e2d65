/// Ranks the existing tiers that may be the one being entered: a person with the register's
/// match score (``MatchEngine``), candidates found on several keys (``MatchBlocking``), each
/// scored field by field, with its reasons in French; an organisation by RIDET and raison sociale.
///
/// ```swift
/// let likely = try DuplicateFinder(store: store).candidates(kind: .person,
///     values: [.birthName: "Ouamytan", .givenNames: "Hélène", .birthDate: "1985-03-14"])
/// likely.first?.reason   // "même date de naissance, même prénom, nom de même son"
/// ```
public struct DuplicateFinder: Sendable {
    public let store: SIMSStore
    /// Candidates below this probability are not shown.
    public var minimumLikelihood = 0.5
    /// At or above this probability, saving a new tier asks first (« Doublon probable »).
    public static let askThreshold = 0.8

    public init(store: SIMSStore) { self.store = store }

    /// `values` are in stored form (see ``FieldValidator``). Best candidates first. `tierID`:
    /// the stored tier these values are of, if any: itself and the tiers it was decided
    /// « personnes différentes » from (while neither changed) are left out.
    public func candidates(kind: TierKind, values: [TierField: String], tierID: Int64? = nil, limit: Int = 5) throws -> [DuplicateCandidate] {
        if kind == .organisation { return try organisations(values: values, limit: limit) }
        let typed = MatchRecord(kind: kind, values: values)
        guard !typed.surnames.isEmpty || !typed.givenNames.isEmpty || typed.ridet != nil || typed.cafat != nil else { return [] }
        let search = TierSearch(store: store)
        return try store.read { db in
            let engine = try MatchEngine(db, words: typed.surnames + typed.givenNames)
            var result: [DuplicateCandidate] = []
            for hit in try MatchBlocking.candidates(db, of: typed, search: search) {
                if let tierID, try hit.tierID == tierID || DuplicateReview.isDismissed(db, tierID, hit.tierID) { continue }
                guard let stored = try MatchRecord.load(db, id: hit.tierID) else { continue }
                // The bulk analysis's scoring and identity rules: a household member (same surname,
                // address and phone, another given name and birth date) is not offered as the same person.
                let score = DuplicateAnalysis.score(engine, typed, stored)
                guard score.probability >= minimumLikelihood, DuplicateAnalysis.identityAgrees(score.levels, typed, stored) else { continue }
                result.append(DuplicateCandidate(hit: hit, likelihood: score.probability, reason: score.reasonText))
            }
            return Array(result.sorted { ($0.likelihood, -$0.hit.tierID) > ($1.likelihood, -$1.hit.tierID) }.prefix(limit))
        }
    }

    /// An organisation by RIDET (same establishment, or same company) and raison sociale.
    private func organisations(values: [TierField: String], limit: Int) throws -> [DuplicateCandidate] {
        let search = TierSearch(store: store)
        var result: [DuplicateCandidate] = []
        if let ridet = values[.ridet] {
            let base = String(SearchText.digits(ridet).prefix(7))
            let hits = try store.read { db in
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
