/// Scores one tier against a query on the tier's stored words (`folded_names`) and tokens
/// (`search_tokens`), term by term: 4 exact word, 3.5 same sound and one letter away, 3 same
/// sound, 2 to 3 prefix of a word (more for a larger share of it), 2.5 a joined name, 1.75
/// prefix of a token, 1.5 prefix of a sound, 1 one typo away; identifiers and e-mails 4 exact,
/// 2 prefix; a year 2 when the birth date is in it. Names typed in the order they are written
/// earn 0.25 more each.
///
/// What depends on the query alone (phonetic keys, `#` and `@` prefixes) is worked out once, and
/// a tier's words are compared as UTF-8 bytes, as stored, without making strings.
///
/// ```swift
/// let scorer = SearchScorer(SearchQuery.parse("helene wamitan"))
/// scorer.score(names: Array("helene wamytan".utf8), tokens: Array("helene elen wamytan wamitan".utf8),
///              birthDate: nil, requireAll: true)   // (7.75, 2)
/// ```
struct SearchScorer {
    private enum Term {
        case name(word: [UInt8], length: Int, key: [UInt8]?)
        case token(exact: [UInt8])
        case year(String)
    }

    private let terms: [Term]

    init(_ query: SearchQuery) {
        terms = query.terms.map { term in
            switch term {
            case .name(let word):
                let key = FrenchPhonetic.key(word)
                return .name(word: Array(word.utf8), length: word.count, key: key.count >= 3 ? Array(key.utf8) : nil)
            case .identifier(let digits): return .token(exact: Array(("#" + digits).utf8))
            case .email(let text): return .token(exact: Array(("@" + text).utf8))
            case .year(let year): return .year(year)
            }
        }
    }

    /// The total score and the number of terms matched; `nil` when nothing matches, or when
    /// `requireAll` and a term does not match. `names` and `tokens` are the stored columns'
    /// bytes: words separated by spaces.
    func score(names: [UInt8], tokens: [UInt8], birthDate: String?, requireAll: Bool) -> (total: Double, matched: Int)? {
        let nameWords = Self.words(names), tokenWords = Self.words(tokens)
        var total = 0.0
        var matched = 0
        for (index, term) in terms.enumerated() {
            let q = quality(term, names: nameWords, tokens: tokenWords, birthDate: birthDate)
            if q > 0 {
                matched += 1
                total += q
                // Names typed in the order they are written rank a little higher.
                if case .name(let word, _, _) = term, index < nameWords.count, nameWords[index].starts(with: word) {
                    total += 0.25
                }
            } else if requireAll {
                return nil
            }
        }
        return total > 0 ? (total, matched) : nil
    }

    private static func words(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x20)
    }

    private static let hash = UInt8(ascii: "#"), at = UInt8(ascii: "@")

    /// The number of characters of a folded word (its bytes when ASCII, as nearly always).
    private static func characterCount(_ word: ArraySlice<UInt8>) -> Int {
        word.allSatisfy { $0 < 0x80 } ? word.count : String(decoding: word, as: UTF8.self).count
    }

    private func quality(_ term: Term, names: [ArraySlice<UInt8>], tokens: [ArraySlice<UInt8>], birthDate: String?) -> Double {
        switch term {
        case .name(let word, let length, let key):
            if names.contains(where: { $0.elementsEqual(word) }) { return 4 }
            if let key, tokens.contains(where: { $0.elementsEqual(key) }) {
                // Same sound: closer spellings first (Wamytan before Ouamytan for « wamitan »).
                return names.contains(where: { EditDistance.isWithinOne($0, word) }) ? 3.5 : 3
            }
            if let name = names.first(where: { $0.starts(with: word) }) {
                return 2 + Double(length) / Double(max(Self.characterCount(name), 1))
            }
            if tokens.contains(where: { $0.elementsEqual(word) }) { return 2.5 } // a joined surname: N'Guyen typed nguyen
            if tokens.contains(where: { $0.starts(with: word) && $0.first != Self.hash && $0.first != Self.at }) { return 1.75 }
            if let key, tokens.contains(where: { $0.starts(with: key) && $0.first != Self.hash }) { return 1.5 }
            if length >= 4, names.contains(where: { EditDistance.isWithinOne($0, word) }) { return 1 }
            return 0
        case .token(let exact):
            if tokens.contains(where: { $0.elementsEqual(exact) }) { return 4 }
            return tokens.contains(where: { $0.starts(with: exact) }) ? 2 : 0
        case .year(let year):
            return birthDate?.hasPrefix(year) == true ? 2 : 0
        }
    }
}
