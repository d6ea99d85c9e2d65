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

    /// The same, reading the values through `value` (the import reads them from slots), with the
    /// names already seen taken from `memo`.
    static func entry(kind: TierKind, memo: NameTokenMemo? = nil, value: (TierField) -> String?) -> SearchEntry {
        var names: [String] = []
        var tokens: [String] = []
        tokens.reserveCapacity(12)
        func add(_ token: String) {
            // A tier has a dozen tokens: a linear look is cheaper than hashing.
            if !token.isEmpty, !tokens.contains(token) { tokens.append(token) }
        }
        func addName(_ text: String?, role: NameTokenMemo.Role) {
            guard let text else { return }
            let made = memo?.names(text, role: role, make: nameTokens) ?? nameTokens(text, role: role)
            names.append(contentsOf: made.words)
            for token in made.tokens { add(token) }
        }
        switch kind {
        case .person:
            addName(value(.givenNames), role: .givenNames)
            addName(value(.birthName), role: .surname)
            addName(value(.usageName), role: .surname)
            if let date = value(.birthDate).flatMap(CalendarDate.init(iso:)) {
                add(dateToken(date))
            }
        case .organisation:
            addName(value(.companyName), role: .companyName)
            if let ridet = value(.ridet) { add("#" + SearchText.digits(ridet)) }
        }
        if let phone = value(.phone) { add("#" + SearchText.digits(phone)) }
        if let cafat = value(.cafat) { add("#" + SearchText.digits(cafat)) }
        if let email = value(.email) { add("@" + email.lowercased()) }
        return SearchEntry(foldedNames: names, tokens: tokens)
    }

    /// The folded words of one name value and its tokens: each word and its phonetic key, and for
    /// a surname of several words the words joined and their key.
    static func nameTokens(_ text: String, role: NameTokenMemo.Role) -> NameTokenMemo.Names {
        let words = SearchText.words(text)
        var kept: [String] = []
        var tokens: [String] = []
        for word in words {
            if role == .companyName, stopWords.contains(word) { continue }
            kept.append(word)
            tokens.append(word)
            if word.count >= 2 { tokens.append(FrenchPhonetic.key(word)) }
        }
        if role == .surname, words.count > 1 {
            let joined = words.joined()
            tokens.append(joined)
            tokens.append(FrenchPhonetic.key(joined))
        }
        return NameTokenMemo.Names(words: kept, tokens: tokens)
    }

    /// `#` and the birth date as jjmmaaaa: `#14031985`.
    static func dateToken(_ date: CalendarDate) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
        let year = String(date.year)
        return "#" + two(date.day) + two(date.month) + String(repeating: "0", count: max(0, 4 - year.count)) + year
    }
}
