/// The quick road of ``FieldValidator``: the canonical form of the common, well-formed values
/// (plain ASCII and Latin letters, already in the shape the rule keeps), worked out on their
/// bytes and scalars without the general Unicode machinery.
///
/// It only ever accepts: a value it is not sure of (any unusual character or shape, and every
/// error) gets `nil`, and ``FieldValidator`` then runs the field's rule, which alone writes
/// messages. Whatever it returns is what the rule returns for the same value; the import of a
/// million lines goes through here.
///
/// ```swift
/// FastFieldNormalizer.normalize("14/03/1985", for: .birthDate, today: today)   // "1985-03-14"
/// FastFieldNormalizer.normalize("+687 25 12 34", for: .phone, today: today)    // nil: the rule decides
/// ```
enum FastFieldNormalizer {
    /// The canonical value (`.some(nil)` when nothing was typed), or `nil` when the rule must decide.
    static func normalize(_ raw: String, for field: TierField, today: CalendarDate) -> String?? {
        if raw.isEmpty { return .some(nil) }
        // The values ``ValidationText/clean(_:field:)`` leaves as they are: printable ASCII and
        // precomposed Latin letters, no space at either end.
        var ascii = true
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            if v >= 0x20 && v < 0x7F { continue }
            if v >= 0xC0 && v < 0x180 { ascii = false; continue }
            return nil
        }
        let utf8 = raw.utf8
        if utf8.first == space || utf8.last == space { return nil }
        let value: String?
        switch field {
        case .birthName, .usageName, .givenNames:
            value = name(raw, ascii: ascii, limit: NameRule.maximumLength(for: field))
        case .sex:
            switch raw {
            case "F", "f": value = "F"
            case "M", "m": value = "M"
            default: value = nil
            }
        case .birthDate:
            value = ascii ? date(utf8, today: today) : nil
        case .birthPlace:
            value = text(raw, ascii: ascii, symbols: birthPlaceSymbols, digits: true, digitIsEnough: false,
                         limit: BirthPlaceRule.maximumLength)
        case .address:
            value = !hasDoubleSpace(utf8) && count(raw, ascii: ascii) <= FreeTextRule.maximumLength ? raw : nil
        case .commune:
            value = communes[raw]
        case .postalCode:
            value = utf8.count == 5 && ValidationText.isASCIIDigits(raw) && postalCodes.contains(raw) ? raw : nil
        case .phone:
            value = utf8.count == 6 && ValidationText.isASCIIDigits(raw) && isAllocatedPhone(utf8) ? raw : nil
        case .email:
            value = ascii ? email(raw) : nil
        case .cafat:
            value = ValidationText.isASCIIDigits(raw) && CafatRule.digitCount.contains(utf8.count) ? raw : nil
        case .companyName:
            value = text(raw, ascii: ascii, symbols: companySymbols, digits: true, digitIsEnough: true,
                         limit: CompanyNameRule.maximumLength)
        case .ridet:
            value = ascii ? ridet(utf8, raw) : nil
        case .legalForm:
            value = legalForms[raw]
        }
        return value.map { .some($0) }
    }

    private static let space = UInt8(ascii: " ")

    /// ``PhoneRule``'s numbering plan: fixed lines, mobiles and the 36 service numbers.
    private static func isAllocatedPhone(_ utf8: String.UTF8View) -> Bool {
        var digits = utf8.makeIterator()
        let prefix = Int(digits.next()! - 0x30) * 10 + Int(digits.next()! - 0x30)
        switch prefix {
        case 20, 23...35, 36, 41...47, 88, 50...59, 70...87, 89...99: return true
        default: return false
        }
    }

    private static func hasDoubleSpace(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if byte == space && previous == space { return true }
            previous = byte
        }
        return false
    }

    /// Characters of a value of ASCII and precomposed Latin letters: one per scalar.
    private static func count(_ text: String, ascii: Bool) -> Int {
        ascii ? text.utf8.count : text.unicodeScalars.count
    }

    /// Whether a scalar of the accepted ranges is a letter (× and ÷ are not).
    private static func isLetter(_ v: UInt32) -> Bool {
        (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || (v >= 0xC0 && v < 0x180 && v != 0xD7 && v != 0xF7)
    }

    private static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    private static let nameSymbols: Set<UInt32> = [0x27, 0x2D, 0x20] // ' - space
    private static let birthPlaceSymbols: Set<UInt32> = Set(" '-().,".unicodeScalars.map(\.value))
    private static let companySymbols: Set<UInt32> = Set(" '-.,&()/\"".unicodeScalars.map(\.value))

    /// ``NameRule``: letters, apostrophes, hyphens and single spaces, not starting or ending with
    /// a hyphen.
    private static func name(_ raw: String, ascii: Bool, limit: Int) -> String? {
        guard let checked = text(raw, ascii: ascii, symbols: nameSymbols, digits: false, digitIsEnough: false, limit: limit),
              raw.utf8.first != UInt8(ascii: "-"), raw.utf8.last != UInt8(ascii: "-") else { return nil }
        return checked
    }

    /// The rules built on ``ValidationText/checkCharacters(_:field:symbols:digits:digitIsEnough:guidance:)``
    /// and ``ValidationText/checkLength(_:field:limit:)``, for a value without double spaces.
    private static func text(_ raw: String, ascii: Bool, symbols: Set<UInt32>, digits: Bool, digitIsEnough: Bool,
                             limit: Int) -> String? {
        var content = false
        var previousSpace = false
        var characters = 0
        for scalar in raw.unicodeScalars {
            let v = scalar.value
            characters += 1
            if v == 0x20 {
                if previousSpace { return nil }
                previousSpace = true
            } else {
                previousSpace = false
            }
            if isLetter(v) {
                content = true
            } else if isDigit(v) {
                guard digits else { return nil }
                content = content || digitIsEnough
            } else if !symbols.contains(v) {
                return nil
            }
        }
        return content && characters <= limit ? raw : nil
    }

    /// ``DateRule`` for `jj/mm/aaaa` and the stored `aaaa-mm-jj`.
    private static func date(_ utf8: String.UTF8View, today: CalendarDate) -> String? {
        guard utf8.count == 10 else { return nil }
        let b = Array(utf8)
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard b[i] >= 0x30 && b[i] <= 0x39 else { return nil }
                n = n * 10 + Int(b[i] - 0x30)
            }
            return n
        }
        let day: Int, month: Int, year: Int
        if b[2] == UInt8(ascii: "/"), b[5] == UInt8(ascii: "/"),
           let d = number(0..<2), let m = number(3..<5), let y = number(6..<10) {
            (day, month, year) = (d, m, y)
        } else if b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
                  let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) {
            (day, month, year) = (d, m, y)
        } else {
            return nil
        }
        guard year >= DateRule.firstYear, let date = CalendarDate(year: year, month: month, day: day), date <= today
        else { return nil }
        return date.iso
    }

    /// ``RidetRule`` for `0123456`, `0123456.001` and `0123456001`.
    private static func ridet(_ utf8: String.UTF8View, _ raw: String) -> String? {
        switch utf8.count {
        case 7:
            return ValidationText.isASCIIDigits(raw) ? raw : nil
        case 10:
            return ValidationText.isASCIIDigits(raw) ? String(raw.prefix(7)) + "." + String(raw.suffix(3)) : nil
        case 11:
            let b = Array(utf8)
            guard b[7] == UInt8(ascii: "."), ValidationText.isASCIIDigits(raw.prefix(7)),
                  ValidationText.isASCIIDigits(raw.suffix(3)) else { return nil }
            return raw
        default:
            return nil
        }
    }

    /// ``EmailRule`` for ASCII addresses.
    private static func email(_ raw: String) -> String? {
        let b = Array(raw.utf8)
        guard b.count <= 254, let at = b.firstIndex(of: UInt8(ascii: "@")),
              b[(at + 1)...].firstIndex(of: UInt8(ascii: "@")) == nil else { return nil }
        let local = b[..<at], domain = b[(at + 1)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        guard !local.isEmpty, !domain.isEmpty, local.count <= 64,
              local.first != dot, local.last != dot else { return nil }
        var previous: UInt8 = 0
        for byte in local {
            if byte == dot && previous == dot { return nil }
            guard isAlphanumeric(byte) || byte == dot || localSymbols.contains(byte) else { return nil }
            previous = byte
        }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != hyphen, label.last != hyphen,
                  label.allSatisfy({ isAlphanumeric($0) || $0 == hyphen }) else { return nil }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return String(decoding: local, as: UTF8.self) + "@" + String(decoding: domain, as: UTF8.self)
    }

    private static let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
    private static let localSymbols: Set<UInt8> = Set(EmailRule.localSymbols.compactMap(\.asciiValue))

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The official names and aliases of the communes, as written, to their official name.
    static let communes: [String: String] = {
        var map: [String: String] = [:]
        for commune in ProvinceSudCommune.all {
            for name in [commune.name] + commune.aliases {
                if let official = ProvinceSudCommune.named(name)?.name { map[name] = official }
            }
        }
        return map
    }()

    private static let postalCodes = Set(ProvinceSudCommune.allPostalCodes)

    /// The canonical legal forms and their aliases, as written, to the canonical form.
    private static let legalForms: [String: String] = {
        var map: [String: String] = [:]
        for form in LegalFormRule.forms {
            for spelling in [form.canonical] + form.aliases {
                if let canonical = try? LegalFormRule.normalize(spelling, field: .legalForm) { map[spelling] = canonical }
            }
        }
        return map
    }()
}
