import Foundation

/// Search as you type over every tier: names in any order, prefixes, accents and case ignored,
/// slips forgiven (one edit in a name word of 3 letters or more, two from 8), French phonetic variants, and identifiers (birth date, RIDET, CAFAT,
/// phone, e-mail).
///
/// Each term is a ``TermPosting``: the index tokens under its prefix, read best first within a
/// budget. The terms are intersected smallest first: a term already read whole is merged by tier
/// id; one that is not is looked up tier by tier in the index when few candidates are left, or
/// read further. Candidates are ranked on the qualities the index gave, and only the best few
/// dozen are loaded and scored on their stored words, so that a search reads a few thousand index
/// entries and a few dozen rows, whatever the size of the register. Typo variants are looked up
/// in a vocabulary table only when a term finds almost nothing.
///
/// A term that matches more tiers than its budget (a one-letter prefix, a name shared by tens of
/// thousands) keeps the tiers of its best tokens: the results are then the best of those, and
/// typing on narrows them. Two such names typed together (« andre marie ») are stepped side by
/// side until the first tiers that have both are found (``ExactTokenIntersection``).
///
/// ```swift
/// let hits = try TierSearch(store: store).search("helene wamitan")
/// hits.first?.displayName   // "WAMYTAN Hélène"
/// ```
public struct TierSearch: Sendable {
    public let store: SIMSStore
    /// How many index entries one term reads at most, besides the tiers of the typed word itself.
    public var termCap = 4096
    /// How many tiers of a typed word (or identifier) itself are read at most: a complete name
    /// shared by fewer tiers is found exactly, however common.
    public var exactTokenCap = 32_768
    /// How many index entries each term reads before the terms are compared.
    public var firstReadCap = 2048
    /// How many index entries a query of one term reads.
    public var singleTermCap = 2048
    /// How many candidates are loaded and scored on their stored words at most.
    public var scoredCap = 400
    /// Candidate sets up to this size are all scored on their stored words; larger ones only
    /// their best `max(2 × limit, 40)` by index quality.
    public var scoreAllBelow = 60
    /// How many index seeks may check the remaining candidates against a term not read whole.
    public var probeBudget = 1500

    public init(store: SIMSStore) { self.store = store }

    /// The tiers best matching `text`, best first.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        if let number = Self.tierNumber(text) {
            return try store.read { db in try numbered(db, number) }
        }
        let query = SearchQuery.parse(text)
        guard !query.isEmpty else { return [] }
        return try store.read { db in try search(db, query: query, limit: limit) }
    }

    /// The same, inside an open read.
    package func search(_ db: any StoreSession, query: SearchQuery, limit: Int) throws -> [SearchHit] {
        let indexable = query.terms.filter { if case .year = $0 { return false } else { return true } }
        guard !indexable.isEmpty else { return [] }
        let index = try db.capability(SearchIndexReading.self).searchTokenIndex()
        let postings = try indexable.map { try TermPosting(term: $0, index: index, db: db) }
        let firstBudget = postings.count == 1 ? singleTermCap : firstReadCap
        // Most specific terms first; a term is not read at all when the smallest term read whole
        // leaves few enough candidates to look it up tier by tier.
        var order = postings.sorted { Self.specificity($0.term) > Self.specificity($1.term) }
        var smallestComplete = Int.max
        for posting in order {
            if smallestComplete < Int.max {
                try posting.lookUpSlips(db: db)
                if let cost = posting.probeCost, smallestComplete * cost <= probeBudget { continue }
            }
            try posting.read(upTo: firstBudget, index: index, db: db)
            if posting.isComplete { smallestComplete = min(smallestComplete, posting.entries.count) }
        }
        let hasYear = query.terms.contains { if case .year = $0 { return true } else { return false } }
        // Common names typed without a date: the lowest tiers that have every typed word itself
        // are the ones scored, whatever else is read (see ExactTokenIntersection).
        if postings.count > 1, smallestComplete == Int.max, !hasYear,
           let common = try lowestWithEveryWord(postings, index: index, db: db) {
            let hits = try score(index, candidates: common.best(scoring(common.count, limit: limit, hasYear: false)),
                                 query: query, requireAll: true)
            if !hits.isEmpty { return Array(hits.prefix(limit)) }
        }
        // The driver: the smallest term read whole; when none is, the most specific one read further.
        if postings.count > 1, smallestComplete == Int.max {
            for posting in order {
                try posting.read(upTo: termCap, exactCap: exactTokenCap, index: index, db: db)
                if posting.isComplete { break }
            }
        }
        order.sort { ($0.isComplete ? 0 : 1, $0.entries.count) < ($1.isComplete ? 0 : 1, $1.entries.count) }
        var candidates = SearchCandidates(order[0].sorted)
        for posting in order.dropFirst() {
            if candidates.isEmpty { break }
            if !posting.isComplete { try posting.lookUpSlips(db: db) }
            if !posting.isComplete, let cost = posting.probeCost, candidates.count * cost <= probeBudget {
                candidates.probe(posting, index: index)
                continue
            }
            if !posting.isComplete { try posting.read(upTo: termCap, exactCap: exactTokenCap, index: index, db: db) }
            candidates.intersect(posting.sorted)
        }
        var hits = try score(index, candidates: candidates.best(scoring(candidates.count, limit: limit, hasYear: hasYear)),
                             query: query, requireAll: true)
        if hits.isEmpty && query.terms.count > 1 {
            // Nothing matches every term: show the tiers that match most of them.
            for posting in postings where !posting.isComplete && posting.entries.isEmpty {
                try posting.read(upTo: firstBudget, index: index, db: db)
            }
            let union = SearchCandidates(union: postings.map(\.sorted))
            hits = try score(index, candidates: union.best(scoring(union.count, limit: limit, hasYear: hasYear)),
                             query: query, requireAll: false)
        }
        return try TierRestrictionService.masked(db, Array(hits.prefix(limit)))
    }

    /// When every term is a typed word whose own tiers are too many to read at once, and enough
    /// tiers are likely to have them all, the `scoreAllBelow + 1` lowest of those, each matching
    /// every term at the best quality; nil otherwise.
    private func lowestWithEveryWord(_ postings: [TermPosting], index: any SearchTokenIndex,
                                     db: any StoreSession) throws -> SearchCandidates? {
        var words: [(token: String, readIDs: [Int64], lastID: Int64)] = []
        var quality = 0
        for posting in postings {
            guard let exact = posting.exactTokenInProgress else { return nil }
            words.append((exact.token, posting.entries.map { Int64($0 >> 8) }, exact.lastID))
            quality += Int(exact.code)
        }
        let want = scoreAllBelow + 1
        let maxID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM tier")) ?? 0
        // Not worth it when the words seldom meet: reading them whole is then the shorter way.
        guard ExactTokenIntersection.worthStepping(words, want: want, maxID: maxID),
              let ids = ExactTokenIntersection.lowest(words, want: want, index: index) else { return nil }
        return SearchCandidates(ids: ids, quality: quality, matched: postings.count)
    }

    /// How many of `count` candidates are scored on their stored words.
    private func scoring(_ count: Int, limit: Int, hasYear: Bool) -> Int {
        // A year is checked on the stored birth date only: keep more candidates for it.
        if count <= scoreAllBelow || hasYear { return min(count, scoredCap) }
        return min(max(2 * limit, 40), scoredCap)
    }

    /// How selective a term is likely to be, for choosing which term to read further first.
    private static func specificity(_ term: SearchTerm) -> Int {
        switch term {
        case .identifier(let digits): return 1000 + digits.count
        case .email(let text): return 1000 + text.count
        case .name(let word): return word.count
        case .year: return 0
        }
    }

    /// Loads the candidates' stored words and scores them term by term.
    private func score(_ index: any SearchTokenIndex, candidates: [(id: Int64, quality: Double)], query: SearchQuery,
                       requireAll: Bool) throws -> [SearchHit] {
        let scorer = SearchScorer(query)
        var scored: [(hit: SearchHit, rank: SearchRank)] = []
        for candidate in candidates {
            guard let tier = index.storedTier(id: candidate.id),
                  var rank = scorer.score(names: tier.names, tokens: tier.tokens, birthDate: tier.birthDate, requireAll: requireAll)
            else { continue }
            let hit = SearchHit(tierID: candidate.id, kind: tier.kind.flatMap(TierKind.init(rawValue:)) ?? .person,
                                displayName: tier.displayName ?? "", birthDate: tier.birthDate, ridet: tier.ridet,
                                commune: tier.commune, cafat: tier.cafat, phone: tier.phone, email: tier.email,
                                minLevel: VerificationLevel(rawValue: tier.minLevel) ?? .declared,
                                score: rank.total, matchesAllTerms: rank.matched == query.terms.count)
            rank.level = hit.minLevel.rawValue
            scored.append((hit, rank))
        }
        scored.sort { a, b in
            if a.rank != b.rank { return a.rank.precedes(b.rank) }
            if a.hit.displayName != b.hit.displayName { return a.hit.displayName < b.hit.displayName }
            return a.hit.tierID < b.hit.tierID
        }
        return scored.map(\.hit)
    }
}
