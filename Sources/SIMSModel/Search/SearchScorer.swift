/// Scores one tier against a query on the tier's stored words (`folded_names`) and tokens
/// (`search_tokens`), term by term: 4 exact word, 3.5 same sound and one letter away, 3 same
/// sound, 2 to 3 prefix of a word (more for a larger share of it), 2.5 a joined name, 1.75
/// prefix of a token, 1.5 prefix of a sound, 1 one slip away (0.75 two, in a name word of 8
/// letters or more); identifiers and e-mails 4 exact, 2 prefix; a year 2 when the birth date is
/// in it. Names typed in the order they are written earn 0.25 more each. The qualities add up to
/// the ``SearchRank``'s total, beside what ranks before it: whole words, name words left
/// unmatched and their positions.
///
/// What depends on the query alone (phonetic keys, `#` and `@` prefixes) is worked out once, and
/// a tier's words are compared as UTF-8 bytes, as stored, without making strings.
///
/// ```swift
/// let scorer = SearchScorer(SearchQuery.parse("helene wamitan"))
/// scorer.score(names: Array("helene wamytan".utf8), tokens: Array("helene elen wamytan wamitan".utf8),
///              birthDate: nil, requireAll: true)?.total   // 7.75
/// ```
struct SearchScorer {
    private enum Term {
        case name(word: [UInt8], length: Int, keys: [[UInt8]])
        case token(exact: [UInt8])
        case year(String)
    }

    private let terms: [Term]

    init(_ query: SearchQuery) {
        terms = query.terms.map { term in
            switch term {
            case .name(let word):
                let keys = FrenchPhonetic.soundAlikes(word).filter { $0.count >= 3 }.map { Array($0.utf8) }
                return .name(word: Array(word.utf8), length: word.count, keys: keys)
            case .identifier(let digits): return .token(exact: Array(("#" + digits).utf8))
            case .email(let text): return .token(exact: Array(("@" + text).utf8))
            case .year(let year): return .year(year)
            }
        }
    }

    /// The tier's rank for the query (see ``SearchRank``); `nil` when nothing matches, or when
    /// `requireAll` and a term does not match. `names` and `tokens` are the stored columns'
    /// bytes: words separated by spaces.
    func score(names: [UInt8], tokens: [UInt8], birthDate: String?, requireAll: Bool) -> SearchRank? {
        let nameWords = Self.words(names), tokenWords = Self.words(tokens)
        var total = 0.0
        var matched = 0, whole = 0, positions = 0, closeness = 0.0
        var used = [Bool](repeating: false, count: nameWords.count)
        var nameKeys: [[UInt8]]?
        for (index, term) in terms.enumerated() {
            let found = quality(term, names: nameWords, tokens: tokenWords, birthDate: birthDate, keys: &nameKeys)
            if found.quality > 0 {
                matched += 1
                total += found.quality
                if found.quality >= 4 || found.isWhole { whole += 1 }
                closeness += found.closeness ?? min(found.quality, 4)
                for position in found.positions {
                    used[position] = true
                    positions += position
                }
                // Names typed in the order they are written rank a little higher.
                if case .name(let word, _, _) = term, index < nameWords.count, nameWords[index].starts(with: word) {
                    total += 0.25
                }
            } else if requireAll {
                return nil
            }
        }
        guard total > 0 else { return nil }
        return SearchRank(matched: matched, wholeWords: whole, closeness: closeness,
                          unmatchedNames: used.filter { !$0 }.count, namePositions: positions, total: total)
    }

    private static func words(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x20)
    }

    private static let hash = UInt8(ascii: "#"), at = UInt8(ascii: "@")

    /// The number of characters of a folded word (its bytes when ASCII, as nearly always).
    private static func characterCount(_ word: ArraySlice<UInt8>) -> Int {
        word.allSatisfy { $0 < 0x80 } ? word.count : String(decoding: word, as: UTF8.self).count
    }

    /// What one term matched: its quality, whether it is a whole name word (or a joined
    /// surname), and the positions of the tier's name words it matched.
    private struct Match {
        var quality: Double
        var isWhole = false
        var positions: [Int] = []
        /// How close the spelling is, when it says more than the quality: same-sound words
        /// nearer in letters, slips that keep the first letter.
        var closeness: Double?
        static let none = Match(quality: 0)
    }

    private func quality(_ term: Term, names: [ArraySlice<UInt8>], tokens: [ArraySlice<UInt8>], birthDate: String?,
                         keys: inout [[UInt8]]?) -> Match {
        switch term {
        case .name(let word, let length, let termKeys):
            if let i = names.firstIndex(where: { $0.elementsEqual(word) }) { return Match(quality: 4, isWhole: true, positions: [i]) }
            if let key = termKeys.first(where: { key in tokens.contains(where: { $0.elementsEqual(key) }) }) {
                // Same sound: closer spellings first (Wamytan before Ouamytan for « wamitan »).
                if let i = names.firstIndex(where: { EditDistance.isWithinOne($0, word) }) {
                    return Match(quality: 3.5, positions: [i], closeness: 3.5)
                }
                if keys == nil { keys = names.map { Array(FrenchPhonetic.key(String(decoding: $0, as: UTF8.self)).utf8) } }
                let position = keys!.firstIndex(of: key)
                // Ouéa is nearer Wéa than Waïa, though all three sound alike.
                let distance = position.map { EditDistance.distance(names[$0], word, limit: 3) } ?? 3
                return Match(quality: 3, positions: position.map { [$0] } ?? [], closeness: 3 + 0.4 / Double(1 + distance))
            }
            if let i = names.firstIndex(where: { $0.starts(with: word) }) {
                return Match(quality: 2 + Double(length) / Double(max(Self.characterCount(names[i]), 1)), positions: [i],
                             closeness: 2)
            }
            if tokens.contains(where: { $0.elementsEqual(word) }) {
                // A joined surname: N'Guyen typed nguyen.
                return Match(quality: 2.5, isWhole: true, positions: Self.joined(word, in: names))
            }
            // Prefixes of a joined name or of a sound are looser than a slip in a whole word that
            // keeps the first letter.
            if tokens.contains(where: { $0.starts(with: word) && $0.first != Self.hash && $0.first != Self.at }) {
                return Match(quality: 1.75, closeness: 0.9)
            }
            if termKeys.contains(where: { key in tokens.contains(where: { $0.starts(with: key) && $0.first != Self.hash }) }) {
                return Match(quality: 1.5, closeness: 0.8)
            }
            if length >= Self.shortestForgiven {
                // A slip: one edit forgiven in a name word of 3 letters or more, two from 8.
                // Agents seldom miss the first letter: a slip that keeps it is closer.
                var best: (closeness: Double, distance: Int, position: Int)?
                for (i, name) in names.enumerated() {
                    let allowed = EditDistance.forgiven(length: Self.characterCount(name))
                    guard allowed > 0 else { continue }
                    let distance = EditDistance.distance(name, word, limit: allowed)
                    guard distance <= allowed else { continue }
                    let closeness = (distance == 1 ? 1 : 0.5) * (name.first == word.first ? 1 : 0.75)
                    if closeness > (best?.closeness ?? 0) { best = (closeness, distance, i) }
                }
                if let best {
                    return Match(quality: best.distance == 1 ? 1 : 0.75, positions: [best.position], closeness: best.closeness)
                }
            }
            return .none
        case .token(let exact):
            if tokens.contains(where: { $0.elementsEqual(exact) }) { return Match(quality: 4, isWhole: true) }
            return tokens.contains(where: { $0.starts(with: exact) }) ? Match(quality: 2) : .none
        case .year(let year):
            return birthDate?.hasPrefix(year) == true ? Match(quality: 2, isWhole: true) : .none
        }
    }

    /// The shortest typed word looked up with a slip forgiven.
    static let shortestForgiven = 3

    /// The positions of the consecutive name words that, joined, make `word` (N'Guyen: n, guyen).
    private static func joined(_ word: [UInt8], in names: [ArraySlice<UInt8>]) -> [Int] {
        for start in names.indices {
            var joined: [UInt8] = []
            for end in start..<names.count {
                joined += names[end]
                if joined.count >= word.count {
                    if joined == word { return Array(start...end) }
                    break
                }
            }
        }
        return []
    }
}
