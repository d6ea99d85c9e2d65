/// The tiers one query term matches, read from the index best tokens first and as far as a
/// budget allows, for ``TierSearch``.
///
/// A term stands for the tokens under its prefix: for a name, the word itself (quality 4), the
/// longer words it starts (2 plus the typed share of the word), then its phonetic key (3) and
/// the keys it starts (1.5); for an identifier or an e-mail, the token itself (4) and the longer
/// ones (2). The distinct tokens are listed first (a few index seeks), then read in that order,
/// so that a term cut short by its budget holds its best matches. A prefix with too many
/// distinct tokens (`#2`) is read in index order instead. Same-sound tokens are skipped when the
/// word itself is common (2,000 tiers or more): exact spellings then fill any result list.
/// The vocabulary words a slip away from a typed name of 3 letters or more (one edit, two in
/// words of 8 letters or more) are found through ``SearchWordVariants`` and read last (1 for one
/// edit, 0.75 for two), after the tokens under the prefix, even when those are read in index order;
/// they are looked up only when the reading gets there, or for a probe.
///
/// Entries are kept as `tierID << 8 | code`, where `code / 16` is the quality, in runs of
/// ascending ids; ``sorted`` merges them into one list by id, best quality per tier.
///
/// ```swift
/// let posting = try TermPosting(term: .name("wamitan"), index: index, db: db)
/// try posting.read(upTo: 4096, index: index, db: db)
/// posting.sorted.map { $0 >> 8 }   // the tier ids
/// ```
final class TermPosting {
    /// Above this many tiers for the word itself, same-sound tokens are not read.
    static let phoneticSkipThreshold = 2000
    /// The most distinct tokens listed under one prefix before reading it in index order.
    static let distinctTokenLimit = 64

    let term: SearchTerm
    /// Tokens to read, best first.
    private var tokens: [(text: String, code: UInt8, phonetic: Bool)] = []
    /// The prefix read in index order when it has too many distinct tokens.
    private var openPrefix: String?
    private var openExactLength = 0
    private var openResume: (token: String, id: Int64)?
    private var tokenIndex = 0
    private var lastID: Int64 = 0
    private var skipsPhonetic = false
    /// The typed word whose slips are still to be looked up (see ``lookUpSlips(db:)``).
    private var slipsOf: String?
    /// Whether the prefix read in index order was read to its end.
    private var openDone = false
    /// The term alone, for checking one tier on its stored words (see ``probe(_:index:)``).
    private lazy var scorer = SearchScorer(SearchQuery(terms: [term]))
    /// `tierID << 8 | code`, in read order.
    private(set) var entries: [UInt64] = []
    /// Whether every tier the term matches was read.
    private(set) var isComplete = false
    private var sortedCache: [UInt64]?

    /// A quality as a code of ``entries``.
    static func code(_ quality: Double) -> UInt8 { UInt8(min(max(quality * 16, 1), 255)) }

    /// The quality a code stands for.
    static func quality(_ code: UInt64) -> Double { Double(code & 0xFF) / 16 }

    init(term: SearchTerm, index: any SearchTokenIndex, db: any StoreSession) throws {
        self.term = term
        switch term {
        case .name(let word):
            let length = word.utf8.count
            guard let words = index.tokens(withPrefix: word, limit: Self.distinctTokenLimit) else {
                openPrefix = word
                openExactLength = length
                slipsOf = word
                return
            }
            var best: [String: (code: UInt8, phonetic: Bool)] = [:]
            for token in words {
                let quality = token.utf8.count == length ? 4 : 2 + Double(length) / Double(token.utf8.count)
                best[token] = (Self.code(quality), false)
            }
            for key in FrenchPhonetic.soundAlikes(word) where key != word && key.count >= 3 {
                guard let keys = index.tokens(withPrefix: key, limit: Self.distinctTokenLimit) else { continue }
                let keyLength = key.utf8.count
                for token in keys {
                    let code = Self.code(token.utf8.count == keyLength ? 3 : 1.5)
                    if let known = best[token], known.code >= code { continue }
                    best[token] = (code, true)
                }
            }
            tokens = best.map { ($0.key, $0.value.code, $0.value.phonetic) }
                .sorted { ($0.code, $1.text) > ($1.code, $0.text) }
            slipsOf = word
        case .identifier(let digits):
            setUp(prefix: "#" + digits, index: index)
        case .email(let text):
            setUp(prefix: "@" + text, index: index)
        case .year:
            isComplete = true
        }
    }

    /// Looks up the slips of the typed word, when not done yet: they are read last, so a term whose
    /// budget is spent before them (a common name) never looks them up; a probe needs them all.
    func lookUpSlips(db: any StoreSession) throws {
        guard let word = slipsOf else { return }
        slipsOf = nil
        try addSlips(of: word, db: db)
    }

    /// Appends the vocabulary words a slip away from `word`, closest first.
    private func addSlips(of word: String, db: any StoreSession) throws {
        guard word.count >= SearchScorer.shortestForgiven else { return }
        for (near, distance) in try SearchWordVariants.words(db, near: word)
        where !near.hasPrefix(word) && !tokens.contains(where: { $0.text == near }) {
            tokens.append((near, Self.code(distance == 1 ? 1 : 0.75), false))
        }
    }

    private func setUp(prefix: String, index: any SearchTokenIndex) {
        let length = prefix.utf8.count
        guard let found = index.tokens(withPrefix: prefix, limit: Self.distinctTokenLimit) else {
            openPrefix = prefix
            openExactLength = length
            return
        }
        tokens = found.map { ($0, Self.code($0.utf8.count == length ? 4 : 2), false) }
            .sorted { ($0.code, $1.text) > ($1.code, $0.text) }
    }

    /// The typed word itself, while its tiers are still being read (the first token, quality 4,
    /// read in id order and not to its end): see ``ExactTokenIntersection``.
    var exactTokenInProgress: (token: String, code: UInt8, lastID: Int64)? {
        guard startsWithExact, tokenIndex == 0, lastID > 0, openPrefix == nil, !isComplete else { return nil }
        return (tokens[0].text, tokens[0].code, lastID)
    }

    /// Whether the first token is the typed word or identifier itself.
    private var startsWithExact: Bool {
        guard let first = tokens.first else { return false }
        return first.code == Self.code(4) && !first.phonetic
    }

    /// Reads on until `budget` entries are held or the term is complete; the tiers of the typed
    /// word itself are read whole up to `exactCap`, so that a complete name is found exactly.
    func read(upTo budget: Int, exactCap: Int = 0, index: any SearchTokenIndex, db: any StoreSession) throws {
        while !isComplete {
            let inExact = tokenIndex == 0 && startsWithExact
            let limit = (inExact ? max(budget, exactCap) : budget) - entries.count
            guard limit > 0 else { break }
            sortedCache = nil
            if let prefix = openPrefix, !openDone {
                let exact = openExactLength
                let resume = index.appendRange(withPrefix: prefix, after: openResume, limit: limit,
                                               code: { $0 == exact ? Self.code(4) : Self.code(2) }, to: &entries)
                openResume = resume
                if resume == nil { openDone = true }
                continue
            }
            guard tokenIndex < tokens.count else {
                if slipsOf != nil {
                    try lookUpSlips(db: db)
                    continue
                }
                isComplete = true
                break
            }
            let token = tokens[tokenIndex]
            if token.phonetic, lastID == 0, entries.count >= Self.phoneticSkipThreshold { skipsPhonetic = true }
            if token.phonetic, skipsPhonetic {
                tokenIndex += 1
                continue
            }
            let (last, more) = index.appendPosting(of: token.text, after: lastID, limit: limit,
                                                   code: token.code, to: &entries)
            if more {
                lastID = last
            } else {
                tokenIndex += 1
                lastID = 0
            }
        }
    }

    /// The entries sorted by tier id, one per tier with its best code.
    var sorted: [UInt64] {
        if let sortedCache { return sortedCache }
        var all = entries
        all.sort()
        var result: [UInt64] = []
        result.reserveCapacity(all.count)
        for entry in all {
            if let last = result.last, last >> 8 == entry >> 8 {
                result[result.count - 1] = entry // same tier, higher code (sorted)
            } else {
                result.append(entry)
            }
        }
        sortedCache = result
        return result
    }

    /// What checking one tier on its stored words costs, in index seeks (a row read and the
    /// scoring of its words, slips included).
    static let rowProbeCost = 8

    /// How many index seeks a ``probe(_:index:)`` costs at most (once ``lookUpSlips(db:)`` is done).
    var probeCost: Int? {
        usesRowProbe ? Self.rowProbeCost : max(tokens.count, 1)
    }

    /// A term read in index order has no token list: it is checked on the tier's stored words.
    private var usesRowProbe: Bool { openPrefix != nil }

    /// The best code with which tier `id` matches the term, looking each token up in the index,
    /// or the tier's stored words up when the term is read in index order; `nil` when it does not match.
    func probe(_ id: Int64, index: any SearchTokenIndex) -> UInt8? {
        if usesRowProbe {
            guard let row = index.storedWords(id: id),
                  let rank = scorer.score(names: row.names, tokens: row.tokens, birthDate: nil, requireAll: true)
            else { return nil }
            return Self.code(min(rank.total, 4))
        }
        let skipping = skipsPhonetic || entries.count >= Self.phoneticSkipThreshold
        for token in tokens where !(token.phonetic && skipping) {
            if index.contains(token.text, id: id) { return token.code }
        }
        return nil
    }
}
