import Foundation

/// Finds in a document's text (OCR) what could fill a dossier: dates, RIDET, New Caledonian
/// phone numbers, e-mail addresses, and names after a civility (« Madame WAMYTAN Hélène ») or
/// after « Nom : » / « Prénom(s) : ».
///
/// Each value goes through the field's validation rule (``DateRule``, ``RidetRule``,
/// ``PhoneRule``, ``EmailRule``, ``NameRule`` through ``FieldValidator``): what the rule refuses
/// is dropped, what it accepts is given in its stored form. Suggestions come in the order they
/// appear, each value once.
///
/// ```swift
/// TextSuggestions.extract(from: "Madame WAMYTAN Hélène, née le 14/03/1985, tél. 25.12.34")
/// // [name « WAMYTAN Hélène », date 1985-03-14 (birth date), phone 251234]
/// ```
public enum TextSuggestions {
    /// The suggestions found in `text`, in the order they appear, without duplicates.
    ///
    /// - Parameter today: when given, a date after it is not offered as a birth date.
    public static func extract(from text: String, today: CalendarDate? = nil) -> [TextSuggestion] {
        let source = text as NSString
        var taken: [NSRange] = []
        var found: [(location: Int, suggestion: TextSuggestion)] = []
        let validationDay = today ?? CalendarDate(year: 2999, month: 12, day: 31)!

        func claim(_ range: NSRange) -> Bool {
            guard !taken.contains(where: { NSIntersectionRange($0, range).length > 0 }) else { return false }
            taken.append(range)
            return true
        }
        func add(_ range: NSRange, _ suggestion: TextSuggestion?) {
            guard let suggestion, claim(range) else { return }
            found.append((range.location, suggestion))
        }

        // E-mails first, so that their digits are not read as phones.
        for match in matches(emailPattern, in: source) {
            let raw = source.substring(with: match.range)
            let trimmed = raw.trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
            let value = try? FieldValidator.normalize(trimmed, for: .email, today: validationDay)
            add(match.range, value.flatMap { $0 }.map { TextSuggestion(kind: .email, value: $0, found: trimmed, fields: [.email: $0]) })
        }

        // Dates: 12/03/2026, 12.03.2026, 12-03-2026, and « 12 mars 2026 », « 1er mars 2026 ».
        for match in matches(numericDatePattern, in: source) {
            let raw = source.substring(with: match.range)
            add(match.range, date(raw, typed: raw, before: prefix(of: source, before: match.range), today: today))
        }
        for match in matches(writtenDatePattern, in: source) {
            let raw = source.substring(with: match.range)
            guard let dayText = match.group(1, in: source), let monthText = match.group(2, in: source),
                  let yearText = match.group(3, in: source),
                  let month = months[SearchText.fold(monthText).trimmingCharacters(in: .whitespaces)] else { continue }
            let day = dayText.lowercased().hasPrefix("1er") ? "1" : dayText
            add(match.range, date("\(day)/\(month)/\(yearText)", typed: raw, before: prefix(of: source, before: match.range),
                                  today: today))
        }

        // RIDET: 7 digits, optionally followed by the 3 digits of the establishment.
        for match in matches(ridetPattern, in: source) {
            let raw = source.substring(with: match.range)
            let value = try? FieldValidator.normalize(raw, for: .ridet, today: validationDay)
            add(match.range, value.flatMap { $0 }.map { TextSuggestion(kind: .ridet, value: $0, found: raw, fields: [.ridet: $0]) })
        }

        // Phones: 6 digits in pairs (25.12.34, 25 12 34, 251234), optionally after +687.
        for match in matches(phonePattern, in: source) {
            let raw = source.substring(with: match.range)
            let value = try? FieldValidator.normalize(raw, for: .phone, today: validationDay)
            add(match.range, value.flatMap { $0 }.map { TextSuggestion(kind: .phone, value: $0, found: raw, fields: [.phone: $0]) })
        }

        // Names after a civility: surname in capitals, given names capitalised, in either order.
        for match in matches(civilityPattern, in: source) {
            guard let words = match.group(1, in: source) else { continue }
            let tokens = words.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            let surname = tokens.prefix(while: isCapitals)
            let given: [String]
            let last: [String]
            if !surname.isEmpty {
                given = Array(tokens.dropFirst(surname.count).prefix(while: isCapitalised))
                last = Array(surname)
            } else {
                given = Array(tokens.prefix(while: isCapitalised))
                last = Array(tokens.dropFirst(given.count).prefix(while: isCapitals))
            }
            guard !last.isEmpty else { continue }
            let usedText = tokens.prefix(last.count + given.count).joined(separator: " ")
            let civility = source.substring(with: NSRange(location: match.range.location,
                                                          length: match.range(at: 1).location - match.range.location))
            add(match.range, name(surname: last.joined(separator: " "), given: given.joined(separator: " "),
                                  found: civility + usedText, today: validationDay))
        }
        // « Nom : WAMYTAN » and « Prénom(s) : Hélène » as labelled on forms.
        let surnames = matches(surnameLabelPattern, in: source)
        if let surnameMatch = surnames.first, let surname = surnameMatch.group(1, in: source)?.trimmingCharacters(in: .whitespaces) {
            let givenMatch = matches(givenLabelPattern, in: source).first
            let given = givenMatch?.group(1, in: source)?.trimmingCharacters(in: .whitespaces) ?? ""
            let foundText = source.substring(with: surnameMatch.range)
                + (givenMatch.map { " / " + source.substring(with: $0.range) } ?? "")
            add(surnameMatch.range, name(surname: surname, given: given, found: foundText, today: validationDay))
        }

        var seen = Set<String>()
        return found.sorted { $0.location < $1.location }.map(\.suggestion).filter { suggestion in
            seen.insert(suggestion.kind.rawValue + "\u{1F}" + SearchText.fold(suggestion.value)).inserted
        }
    }

    // MARK: Values

    private static func date(_ normalizable: String, typed: String, before: String, today: CalendarDate?) -> TextSuggestion? {
        guard let iso = try? DateRule.normalize(normalizable, label: "Date", notAfter: nil) else { return nil }
        var fields: [TierField: String] = [:]
        let context = SearchText.words(before).suffix(4).joined(separator: " ")
        let birth = context.hasSuffix("ne le") || context.hasSuffix("nee le") || context.hasSuffix("ne e le")
            || context.contains("naissance")
        if birth, let date = CalendarDate(iso: iso), today.map({ date <= $0 }) ?? true {
            fields[.birthDate] = iso
        }
        return TextSuggestion(kind: .date, value: iso, found: typed, fields: fields)
    }

    private static func name(surname: String, given: String, found: String, today: CalendarDate) -> TextSuggestion? {
        guard let last = (try? FieldValidator.normalize(surname, for: .birthName, today: today)) ?? nil else { return nil }
        var fields: [TierField: String] = [.birthName: last]
        var value = last
        if !given.isEmpty {
            guard let first = (try? FieldValidator.normalize(given, for: .givenNames, today: today)) ?? nil else { return nil }
            fields[.givenNames] = first
            value += " " + first
        }
        return TextSuggestion(kind: .name, value: value, found: found, fields: fields)
    }

    /// A word in capitals (two letters at least): « WAMYTAN », « N'GUYEN », « LE-BRUN ».
    static func isCapitals(_ word: String) -> Bool {
        let letters = word.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
            && word.allSatisfy { $0.isLetter || "'’-".contains($0) }
    }

    /// A capitalised word: « Hélène », « Marie-Claire ».
    static func isCapitalised(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 2 else { return false }
        return word.dropFirst().contains(where: \.isLowercase) && word.allSatisfy { $0.isLetter || "'’-".contains($0) }
    }

    private static func prefix(of source: NSString, before range: NSRange) -> String {
        let start = max(range.location - 30, 0)
        return source.substring(with: NSRange(location: start, length: range.location - start))
    }

    // MARK: Patterns

    private static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
        "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    ]

    private static let emailPattern = regex(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"#)
    private static let numericDatePattern = regex(#"(?<![\d/.\-])\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?!\d)"#)
    private static let writtenDatePattern = regex(
        #"(?<!\d)(1er|\d{1,2})\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})(?!\d)"#,
        caseInsensitive: true)
    private static let ridetPattern = regex(#"(?<![\d.])\d{7}(?:[. ]\d{3})?(?!\d)"#)
    private static let phonePattern = regex(#"(?<![\d+/.\-])(?:(?:\+|00)687[ .]?)?\d{2}(?:[ .\-]?\d{2}){2}(?!\d|[./\-]\d)"#)
    private static let civilityPattern = regex(
        #"\b(?:Madame|Monsieur|Mademoiselle|Mme|Mlle|MME|MLLE|Mr|M)\.?[ \t]+((?:\p{Lu}[\p{L}'’\-]*[ \t]*){1,6})"#)
    private static let surnameLabelPattern = regex(#"\bNom(?:[ \t]+de[ \t]+naissance)?[ \t]*:[ \t]*(\p{Lu}[\p{Lu}'’\-]+(?:[ \t]\p{Lu}[\p{Lu}'’\-]+)*)"#)
    private static let givenLabelPattern = regex(#"\bPr[ée]noms?[ \t]*:[ \t]*(\p{Lu}[\p{L}'’\-]+(?:[ \t]\p{Lu}[\p{L}'’\-]+)*)"#)

    private static func regex(_ pattern: String, caseInsensitive: Bool = false) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    private static func matches(_ regex: NSRegularExpression, in source: NSString) -> [NSTextCheckingResult] {
        regex.matches(in: source as String, range: NSRange(location: 0, length: source.length))
    }
}

private extension NSTextCheckingResult {
    func group(_ index: Int, in source: NSString) -> String? {
        let range = self.range(at: index)
        return range.location == NSNotFound ? nil : source.substring(with: range)
    }
}
