/// Turns whatever an agent typed into search terms. Any text is a valid query: quotes, `*`,
/// `NEAR(`, `-` and other symbols are only separators here, never syntax.
///
/// ```swift
/// SearchQuery.parse("Hélène  wamitan 14/03/1985").terms
/// // [.name("helene"), .name("wamitan"), .identifier("14031985")]
/// ```
public struct SearchQuery: Sendable, Equatable {
    public var terms: [SearchTerm]

    public var isEmpty: Bool { terms.isEmpty }

    public static func parse(_ text: String) -> SearchQuery {
        var terms: [SearchTerm] = []
        let pieces = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        for (index, piece) in pieces.enumerated() {
            // « +687 25 12 34 »: the country code alone is not a term.
            if ["+687", "00687", "(687)", "(+687)"].contains(piece), index + 1 < pieces.count,
               pieces[index + 1].first?.isNumber == true {
                continue
            }
            if piece.contains("@") {
                let email = piece.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
                if email.count > 1 { terms.append(.email(email)) }
                continue
            }
            let digits = SearchText.digits(piece)
            let letters = piece.unicodeScalars.contains { $0.properties.isAlphabetic }
            if !digits.isEmpty && !letters {
                terms.append(identifierTerm(piece, digits: digits))
                continue
            }
            for word in SearchText.words(piece) {
                if word.allSatisfy(\.isNumber) {
                    terms.append(identifierTerm(word, digits: word))
                } else {
                    terms.append(.name(word))
                }
            }
        }
        return SearchQuery(terms: terms)
    }

    private static func identifierTerm(_ piece: String, digits: String) -> SearchTerm {
        // A date typed with separators: 1/3/1985 → 01031985.
        let parts = piece.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), parts[2].count == 4,
           parts[0].count <= 2, parts[1].count <= 2 {
            return .identifier(pad(parts[0]) + pad(parts[1]) + parts[2])
        }
        // A phone typed with the country code.
        if digits.count == 9, digits.hasPrefix("687") { return .identifier(String(digits.dropFirst(3))) }
        if digits.count == 11, digits.hasPrefix("00687") { return .identifier(String(digits.dropFirst(5))) }
        if digits.count == 4, let year = Int(digits), (1900...2100).contains(year), !piece.contains(".") {
            return .year(digits)
        }
        return .identifier(digits)
    }

    private static func pad(_ s: String) -> String { s.count == 1 ? "0" + s : s }
}
