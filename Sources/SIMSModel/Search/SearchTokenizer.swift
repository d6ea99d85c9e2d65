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
        var names: [String] = []
        var tokens: [String] = []
        var seen = Set<String>()
        func add(_ token: String) {
            if !token.isEmpty, seen.insert(token).inserted { tokens.append(token) }
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
            addName(values[.givenNames], joinWords: false)
            addName(values[.birthName], joinWords: true)
            addName(values[.usageName], joinWords: true)
            if let date = values[.birthDate].flatMap(CalendarDate.init(iso:)) {
                add("#" + SearchText.digits(date.french))
            }
        case .organisation:
            addName(values[.companyName], joinWords: false)
            if let ridet = values[.ridet] { add("#" + SearchText.digits(ridet)) }
        }
        if let phone = values[.phone] { add("#" + SearchText.digits(phone)) }
        if let cafat = values[.cafat] { add("#" + SearchText.digits(cafat)) }
        if let email = values[.email] { add("@" + email.lowercased()) }
        return SearchEntry(foldedNames: names, tokens: tokens)
    }
}
