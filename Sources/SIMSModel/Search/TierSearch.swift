import Foundation
import GRDB

/// Search as you type over every tier: names in any order, prefixes, accents and case ignored,
/// one typo forgiven, French phonetic variants, and identifiers (birth date, RIDET, CAFAT,
/// phone, e-mail).
///
/// Each term is looked up as prefix ranges of the `search_token` index, capped so that a one-letter
/// term never reads the whole table; the smallest term drives, the others filter, and the few
/// hundred best candidates are scored on their stored words. Typo variants are tried only when a
/// term finds almost nothing, so the common case stays a handful of index range scans.
///
/// ```swift
/// let hits = try TierSearch(store: store).search("helene wamitan")
/// hits.first?.displayName   // "WAMYTAN Hélène"
/// ```
public struct TierSearch: Sendable {
    public let store: SIMSStore
    /// How many index entries one term reads at most.
    public var termCap = 3000
    /// How many candidates are scored on their stored words at most.
    public var scoredCap = 400

    public init(store: SIMSStore) { self.store = store }

    /// The tiers best matching `text`, best first.
    public func search(_ text: String, limit: Int = 20) throws -> [SearchHit] {
        let query = SearchQuery.parse(text)
        guard !query.isEmpty else { return [] }
        return try store.pool.read { db in try search(db, query: query, limit: limit) }
    }

    /// The same, inside an open read.
    public func search(_ db: Database, query: SearchQuery, limit: Int) throws -> [SearchHit] {
        let indexable = query.terms.filter { if case .year = $0 { return false } else { return true } }
        guard !indexable.isEmpty else { return [] }
        var postings: [(term: SearchTerm, posting: Posting)] = []
        for term in indexable { postings.append((term, try posting(db, term))) }
        postings.sort { ($0.posting.truncated ? 1 : 0, $0.posting.ids.count) < ($1.posting.truncated ? 1 : 0, $1.posting.ids.count) }
        let driver = postings[0].posting
        let filters = postings.dropFirst().filter { !$0.posting.truncated }.map(\.posting)
        var candidates: [(id: Int64, quality: Double)] = []
        for (id, quality) in driver.ids {
            var total = quality
            var keep = true
            for filter in filters {
                guard let q = filter.ids[id] else { keep = false; break }
                total += q
            }
            if keep { candidates.append((id, total)) }
        }
        var hits = try score(db, candidates: candidates, query: query, requireAll: true)
        if hits.isEmpty && query.terms.count > 1 {
            // Nothing matches every term: show the tiers that match most of them.
            var union: [Int64: Double] = [:]
            for (_, posting) in postings { for (id, q) in posting.ids { union[id, default: 0] += q } }
            hits = try score(db, candidates: union.map { ($0.key, $0.value) }, query: query, requireAll: false)
        }
        return Array(hits.prefix(limit))
    }

    struct Posting {
        var ids: [Int64: Double] = [:]
        var truncated = false

        mutating func add(_ id: Int64, _ quality: Double) {
            if let q = ids[id], q >= quality { return }
            ids[id] = quality
        }
    }

    private func posting(_ db: Database, _ term: SearchTerm) throws -> Posting {
        var posting = Posting()
        switch term {
        case .name(let word):
            try scan(db, prefix: word, exactQuality: 4, prefixQuality: 2, into: &posting)
            let key = FrenchPhonetic.key(word)
            if key != word, key.count >= 3 {
                try scan(db, prefix: key, exactQuality: 3, prefixQuality: 1.5, into: &posting)
            }
            if posting.ids.count < 20, word.count >= 4 {
                for variant in try vocabularyWords(db, among: TypoVariants.of(word)) {
                    try scan(db, prefix: variant, exactQuality: 1, prefixQuality: nil, into: &posting)
                }
            }
        case .identifier(let digits):
            try scan(db, prefix: "#" + digits, exactQuality: 4, prefixQuality: 2, into: &posting)
        case .email(let text):
            try scan(db, prefix: "@" + text, exactQuality: 4, prefixQuality: 2, into: &posting)
        case .year:
            posting.truncated = true
        }
        return posting
    }

    /// Reads the index entries whose token starts with `prefix` (or equals it, when
    /// `prefixQuality` is nil), at most ``termCap``.
    private func scan(_ db: Database, prefix: String, exactQuality: Double, prefixQuality: Double?,
                      into posting: inout Posting) throws {
        let remaining = termCap - posting.ids.count
        guard remaining > 0 else { posting.truncated = true; return }
        let statement: Statement
        let arguments: StatementArguments
        if prefixQuality == nil {
            statement = try db.cachedStatement(sql: "SELECT token, tier_id FROM search_token WHERE token = ? LIMIT ?")
            arguments = [prefix, remaining + 1]
        } else {
            statement = try db.cachedStatement(sql: """
                SELECT token, tier_id FROM search_token WHERE token >= ? AND token < ? LIMIT ?
                """)
            arguments = [prefix, prefix + "\u{10FFFF}", remaining + 1]
        }
        var read = 0
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            read += 1
            if read > remaining { posting.truncated = true; break }
            let token: String = row[0]
            posting.add(row[1], token == prefix ? exactQuality : (prefixQuality ?? exactQuality))
        }
    }

    private func vocabularyWords(_ db: Database, among variants: Set<String>) throws -> [String] {
        guard !variants.isEmpty else { return [] }
        let list = Array(variants)
        let marks = Array(repeating: "?", count: list.count).joined(separator: ",")
        return try String.fetchAll(db, sql: "SELECT word FROM search_word WHERE tiers > 0 AND word IN (\(marks))",
                                   arguments: StatementArguments(list))
    }

    /// Loads the best candidates' stored words and scores them term by term.
    private func score(_ db: Database, candidates: [(id: Int64, quality: Double)], query: SearchQuery,
                       requireAll: Bool) throws -> [SearchHit] {
        let best = candidates.sorted { ($0.quality, -$0.id) > ($1.quality, -$1.id) }.prefix(scoredCap)
        let statement = try db.cachedStatement(sql: """
            SELECT id, kind, display_name, birth_date, ridet, commune, cafat, phone, email, min_level,
                   folded_names, search_tokens FROM tier WHERE id = ?
            """)
        var hits: [SearchHit] = []
        var matchedTerms: [Int64: Int] = [:]
        for candidate in best {
            guard let row = try Row.fetchOne(statement, arguments: [candidate.id]) else { continue }
            let names = (row["folded_names"] as String).split(separator: " ").map(String.init)
            let tokens = Set((row["search_tokens"] as String).split(separator: " ").map(String.init))
            let birthDate: String? = row["birth_date"]
            var total = 0.0
            var matched = 0
            for (index, term) in query.terms.enumerated() {
                let q = Self.quality(of: term, names: names, tokens: tokens, birthDate: birthDate)
                if q > 0 {
                    matched += 1
                    total += q
                    // Names typed in the order they are written rank a little higher.
                    if case .name(let word) = term, index < names.count, names[index].hasPrefix(word) { total += 0.25 }
                } else if requireAll {
                    total = -1
                    break
                }
            }
            guard total > 0 else { continue }
            matchedTerms[candidate.id] = matched
            hits.append(SearchHit(tierID: candidate.id, kind: TierKind(rawValue: row["kind"]) ?? .person,
                                  displayName: row["display_name"], birthDate: birthDate, ridet: row["ridet"],
                                  commune: row["commune"], cafat: row["cafat"], phone: row["phone"], email: row["email"],
                                  minLevel: VerificationLevel(rawValue: row["min_level"]) ?? .declared, score: total,
                                  matchesAllTerms: matched == query.terms.count))
        }
        hits.sort { a, b in
            let ma = matchedTerms[a.tierID] ?? 0, mb = matchedTerms[b.tierID] ?? 0
            if ma != mb { return ma > mb }
            if a.score != b.score { return a.score > b.score }
            if a.displayName != b.displayName { return a.displayName < b.displayName }
            return a.tierID < b.tierID
        }
        return hits
    }

    /// How well one term matches one tier: 4 exact word, 3 same sound, 2 prefix, 1.5 sound prefix,
    /// 1 one typo away, 0 not at all.
    static func quality(of term: SearchTerm, names: [String], tokens: Set<String>, birthDate: String?) -> Double {
        switch term {
        case .name(let word):
            if names.contains(word) { return 4 }
            let key = FrenchPhonetic.key(word)
            if key.count >= 3, tokens.contains(key) {
                // Same sound: closer spellings first (Wamytan before Ouamytan for « wamitan »).
                return names.contains(where: { EditDistance.isWithinOne($0, word) }) ? 3.5 : 3
            }
            if let name = names.first(where: { $0.hasPrefix(word) }) {
                return 2 + Double(word.count) / Double(max(name.count, 1))
            }
            if tokens.contains(word) { return 2.5 } // a joined surname: N'Guyen typed nguyen
            if tokens.contains(where: { $0.hasPrefix(word) && !$0.hasPrefix("#") && !$0.hasPrefix("@") }) { return 1.75 }
            if key.count >= 3, tokens.contains(where: { $0.hasPrefix(key) && !$0.hasPrefix("#") }) { return 1.5 }
            if word.count >= 4, names.contains(where: { EditDistance.isWithinOne($0, word) }) { return 1 }
            return 0
        case .identifier(let digits):
            if tokens.contains("#" + digits) { return 4 }
            return tokens.contains(where: { $0.hasPrefix("#" + digits) }) ? 2 : 0
        case .email(let text):
            if tokens.contains("@" + text) { return 4 }
            return tokens.contains(where: { $0.hasPrefix("@" + text) }) ? 2 : 0
        case .year(let year):
            return birthDate?.hasPrefix(year) == true ? 2 : 0
        }
    }
}
