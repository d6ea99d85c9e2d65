/// What the search index holds for one tier: name words (folded and phonetic) and identifiers.
///
/// Name tokens are bare folded words and their phonetic keys; identifiers are `#` followed by
/// digits (birth date as jjmmaaaa, phone, CAFAT number, RIDET); e-mails are `@` followed by the
/// address in lower case.
///
/// ```swift
/// let entry = SearchTokenizer.entry(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Hélène"])
/// entry.tokens   // ["helene", "elen", "wamytan", "wamitan"]
/// ```
public enum SearchTokenizer {
    /// Words left out of organisation names.
    static let stopWords: Set<String> = ["de", "du", "des", "la", "le", "les", "et", "l", "d", "a", "au", "aux", "en"]

    /// The tokens and the folded name words of a tier.
    public static func entry(kind: TierKind, values: [TierField: String]) -> SearchEntry {
        entry(kind: kind) { values[$0] }
    }

    /// The same, reading the values through `value` (the import reads them from slots).
    static func entry(kind: TierKind, value: (TierField) -> String?) -> SearchEntry {
        var names: [String] = []
        var tokens: [String] = []
        tokens.reserveCapacity(12)
        func add(_ token: String) {
            // A tier has a dozen tokens: a linear look is cheaper than hashing.
            if !token.isEmpty, !tokens.contains(token) { tokens.append(token) }
        }
        func addName(_ text: String?, joinWords: Bool) {
            guard let text else { return }
            let words = SearchText.words(text)
            for word in words {
                if kind == .organisation, stopWords.contains(word) { continue }
                names.append(word)
                add(word)
                if word.count >= 2 { add(FrenchPhonetic.key(word)) }
            }
            if joinWords, words.count > 1 {
                let joined = words.joined()
                add(joined)
                add(FrenchPhonetic.key(joined))
            }
        }
        switch kind {
        case .person:
            addName(value(.givenNames), joinWords: false)
            addName(value(.birthName), joinWords: true)
            addName(value(.usageName), joinWords: true)
            if let date = value(.birthDate).flatMap(CalendarDate.init(iso:)) {
                add(dateToken(date))
            }
        case .organisation:
            addName(value(.companyName), joinWords: false)
            if let ridet = value(.ridet) { add("#" + SearchText.digits(ridet)) }
        }
        if let phone = value(.phone) { add("#" + SearchText.digits(phone)) }
        if let cafat = value(.cafat) { add("#" + SearchText.digits(cafat)) }
        if let email = value(.email) { add("@" + email.lowercased()) }
        return SearchEntry(foldedNames: names, tokens: tokens)
    }

    /// `#` and the birth date as jjmmaaaa: `#14031985`.
    static func dateToken(_ date: CalendarDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        let year = String(date.year)
        return "#" + two(date.day) + two(date.month) + String(repeating: "0", count: max(0, 4 - year.count)) + year
    }
}
