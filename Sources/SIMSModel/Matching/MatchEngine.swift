import Foundation

/// The one match score of the register (Fellegi–Sunter), for the entry side panel, the search's
/// duplicate hints and the bulk report: the comparison levels of two records
/// (``MatchComparison``) weigh by the parameters learnt from the register
/// (``MatchParameters``), an exact name by how common it is (term frequency: two « Jean Martin »
/// weigh less than two « Kélly Kaudre »), and add up to a probability with its reasons.
///
/// ```swift
/// let engine = try MatchEngine(db, words: typed.surnames + typed.givenNames)
/// let score = engine.score(typed, stored)
/// score.probability   // 0.998
/// score.reasonText    // "même date de naissance, nom proche (1 lettre), même commune"
/// ```
public struct MatchEngine: Sendable {
    public var parameters: MatchParameters
    private let frequency: @Sendable (String) -> Double?

    /// An engine with explicit parameters and term frequencies (tests, benchmarks).
    public init(parameters: MatchParameters, frequency: @escaping @Sendable (String) -> Double? = { _ in nil }) {
        self.parameters = parameters
        self.frequency = frequency
    }

    /// The engine of the store: its learnt parameters (or the defaults) and the frequencies of
    /// the name words `words` (all of them when nil), read from the typo vocabulary (how many
    /// tiers have each word). A word exact on both sides is one of the first record's: the
    /// entry check passes the typed record's words only.
    package init(_ db: any StoreSession, words: [String]? = nil) throws {
        let parameters = try MatchParameterStore.load(db) ?? .defaults
        // The highest id stands for the number of tiers: counting a million rows at each key
        // would cost more than the whole check.
        let total = max(Double(try Int.fetchOne(db, sql: "SELECT max(id) FROM tier") ?? 1), 1)
        var counts: [String: Double] = [:]
        if let words {
            let statement = try db.cachedStatement(sql: "SELECT tiers FROM search_word WHERE word = ?")
            for word in Set(words) {
                if let count = try Int.fetchOne(statement, arguments: [word]), count > 1 { counts[word] = Double(count) / total }
            }
        } else {
            for row in try StoreRow.fetchAll(db, sql: "SELECT word, tiers FROM search_word WHERE tiers > 1") {
                counts[row[0]] = Double(row[1] as Int) / total
            }
        }
        let table = counts
        self.init(parameters: parameters) { table[$0] }
    }

    /// The score of two records.
    public func score(_ a: MatchRecord, _ b: MatchRecord) -> MatchScore {
        let lambda = min(max(parameters.lambda, 1e-6), 1 - 1e-6)
        var weight = log2(lambda / (1 - lambda))
        let levels = MatchComparison.levels(a, b)
        var parts: [(weight: Double, text: String)] = []
        for (field, level) in zip(MatchField.allCases, levels) {
            guard let level else { continue }
            var uOverride: Double?
            if level == 0, field == .surname || field == .givenName {
                uOverride = termFrequency(field == .surname ? a.surnames : a.givenNames,
                                          field == .surname ? b.surnames : b.givenNames, field: field)
            }
            let w = log2(parameters.bayesFactor(field, level: level, uOverride: uOverride))
            weight += w
            parts.append((w, field.reason(level)))
        }
        let odds = pow(2, weight)
        let probability = odds.isInfinite ? 1 : odds / (1 + odds)
        // What speaks for the pair, strongest first, then everything that speaks against it: a
        // reviewer must see « adresse différente, autre commune » beside « même nom ».
        let reasons = parts.filter { $0.weight > 0.5 }.sorted { $0.weight > $1.weight }.map(\.text)
            + parts.filter { $0.weight < 0 }.sorted { $0.weight < $1.weight }.map(\.text)
        return MatchScore(probability: probability, weight: weight, levels: levels, reasons: reasons)
    }

    /// The u of an exact name: how often two random tiers share the shared word, the rarest one
    /// counting (never below half the field's u, never above one half).
    private func termFrequency(_ a: [String], _ b: [String], field: MatchField) -> Double? {
        let shared = a.filter { b.contains($0) }
        let shares = shared.compactMap { frequency($0) }
        guard !shared.isEmpty else { return nil }
        guard shares.count == shared.count, let rarest = shares.min() else {
            return parameters.u(field)[0] / 2 // a word fewer than two tiers have: rare
        }
        return min(max(rarest, parameters.u(field)[0] / 2), 0.5)
    }
}
