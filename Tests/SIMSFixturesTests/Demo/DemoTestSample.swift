@testable import SIMSFixtures
@testable import SIMSModel

/// Populations generated once and shared by the demo tests, with small helpers to read them.
enum DemoTestSample {
    /// 100,000 tiers of seed 2019, as most statistical tests need.
    static let large: [DemoTier] = Array(DemoPopulation(count: 100_000, seed: 2019))

    /// The reference year of the samples.
    static let referenceYear = DemoPopulation.defaultReferenceYear

    /// The postal code the generator gives each commune (all accepted by ``ProvinceSudCommune``).
    static let postalCodes: [String: String] = [
        "Nouméa": "98800", "Dumbéa": "98835", "Mont-Dore": "98809", "Païta": "98889",
        "Bourail": "98870", "La Foa": "98880", "Boulouparis": "98812", "Thio": "98829",
        "Yaté": "98834", "Île des Pins": "98832", "Farino": "98881", "Moindou": "98819",
        "Sarraméa": "98882", "Poya": "98827",
    ]

    /// The (year, month, day) of a valid ISO `yyyy-MM-dd` date, or nil.
    static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        let lengths = [31, DemoText.isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        return (year, month, day)
    }

    /// The age in whole years on 1 January of `referenceYear` of someone born on `birthDate`.
    static func age(_ birthDate: String, at referenceYear: Int = referenceYear) -> Int? {
        guard let date = date(birthDate) else { return nil }
        return referenceYear - date.year - (date.month == 1 && date.day == 1 ? 0 : 1)
    }

    /// Whether `older` was born at least 18 years before `younger`.
    static func isAtLeast18YearsOlder(_ older: String, than younger: String) -> Bool {
        guard let a = date(older), let b = date(younger) else { return false }
        return (a.year + 18, a.month, a.day) <= (b.year, b.month, b.day)
    }

    /// Whether `text` is exactly `count` ASCII digits.
    static func isDigits(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
