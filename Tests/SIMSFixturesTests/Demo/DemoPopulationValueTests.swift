import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks that every generated value is in its canonical stored form.
final class DemoPopulationValueTests: XCTestCase {
    private let tiers = DemoTestSample.large

    func testFieldsApplyToTheKindAndRequiredOnesArePresent() {
        var required: [TierKind: [TierField]] = [:]
        for kind in TierKind.allCases {
            required[kind] = TierField.fields(of: kind).filter { $0.isRequired(for: kind) }
                + [.address, .commune, .postalCode]
        }
        var problems: [String] = []
        for tier in tiers {
            for (field, value) in tier.values {
                if !field.applies(to: tier.kind) { problems.append("\(field) on \(tier.kind) \(tier.localID)") }
                if value.isEmpty || value.first == " " || value.last == " " {
                    problems.append("\(field) of \(tier.localID) is «\(value)»")
                }
            }
            for field in required[tier.kind]! where tier.values[field] == nil {
                problems.append("\(field) missing on \(tier.localID)")
            }
        }
        XCTAssertEqual(problems, [])
    }

    func testPersonsHaveCanonicalIdentity() {
        for tier in tiers where tier.kind == .person {
            let values = tier.values
            XCTAssert(["F", "M"].contains(values[.sex] ?? ""))
            let age = DemoTestSample.age(values[.birthDate] ?? "")
            XCTAssertNotNil(age, "birth date \(values[.birthDate] ?? "nil")")
            XCTAssert((0...90).contains(age ?? -1))
            if tier.relations.isEmpty {
                XCTAssert((18...90).contains(age ?? -1), "adult \(tier.localID) is \(age ?? -1)")
            }
            for name in [values[.birthName], values[.usageName]].compactMap({ $0 }) {
                XCTAssertTrue(name.startsWithUppercase, name)
            }
            let givenNames = (values[.givenNames] ?? "").split(separator: " ")
            XCTAssert((1...2).contains(givenNames.count))
            for given in givenNames {
                XCTAssertTrue(String(given).startsWithUppercase, String(given))
            }
            XCTAssertFalse((values[.birthPlace] ?? "").isEmpty)
            if values[.usageName] != nil {
                XCTAssertEqual(values[.sex], "F")
                XCTAssertNotEqual(values[.usageName], values[.birthName])
            }
        }
    }

    func testPhonesHaveSixDigitsWithAValidFirstDigit() {
        var landlines = 0
        var mobiles = 0
        for tier in tiers {
            guard let phone = tier.values[.phone] else { continue }
            XCTAssertTrue(DemoTestSample.isDigits(phone, count: 6), phone)
            switch phone.first {
            case "2", "3", "4": landlines += 1
            case "5", "7", "8", "9": mobiles += 1
            default: XCTFail("phone \(phone) starts with neither a landline nor a mobile digit")
            }
        }
        XCTAssertGreaterThan(landlines, 1_000)
        XCTAssertGreaterThan(mobiles, landlines)
    }

    func testPostalCodeMatchesTheCommune() {
        for tier in tiers {
            let commune = tier.values[.commune] ?? ""
            XCTAssertNotNil(DemoTestSample.postalCodes[commune], "unknown commune \(commune)")
            XCTAssertEqual(tier.values[.postalCode], DemoTestSample.postalCodes[commune])
        }
    }

    func testAddressesLookLikeStreetsOrTribes() {
        for tier in tiers {
            let address = tier.values[.address] ?? ""
            let words = address.split(separator: " ")
            let isStreet = words.count >= 3 && Int(words[0]) != nil
            let isTribe = address.hasPrefix("Tribu de ") || address.hasPrefix("Tribu d'")
            XCTAssertTrue(isStreet || isTribe, address)
        }
    }

    func testEmailsAreLowercaseASCII() {
        var count = 0
        for tier in tiers {
            guard let email = tier.values[.email] else { continue }
            count += 1
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 2, email)
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
            XCTAssertTrue(email.allSatisfy { allowed.contains($0) || $0 == "@" }, email)
            XCTAssertFalse(parts[0].isEmpty || parts[0].hasPrefix(".") || parts[0].hasSuffix("."), email)
            XCTAssertTrue(parts.count == 2 && parts[1].contains("."), email)
        }
        XCTAssertGreaterThan(count, 20_000)
    }

    func testCAFATNumbersHaveSevenDigitsAndAreUnique() {
        var seen = Set<String>()
        var adults = 0
        for tier in tiers where tier.kind == .person {
            let isAdult = (DemoTestSample.age(tier.values[.birthDate] ?? "") ?? 0) >= 18
            if isAdult { adults += 1 }
            guard let cafat = tier.values[.cafat] else { continue }
            XCTAssertTrue(isAdult, "only adults get a CAFAT number")
            XCTAssertTrue(DemoTestSample.isDigits(cafat, count: 7), cafat)
            XCTAssertTrue(seen.insert(cafat).inserted, "CAFAT \(cafat) given twice")
        }
        XCTAssertGreaterThan(Double(seen.count), 0.8 * Double(adults), "most adults have a CAFAT number")
    }

    func testOrganisationsHaveCanonicalRIDETAndKnownLegalForms() {
        let forms: Set<String> = [
            "SARL", "SAS", "SASU", "SA", "EURL", "SNC", "SCI", "Association loi 1901", "Entreprise individuelle",
        ]
        var companies = Set<Substring>()
        var seenForms = Set<String>()
        for tier in tiers where tier.kind == .organisation {
            let ridet = tier.values[.ridet] ?? ""
            let parts = ridet.split(separator: ".", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 2, ridet)
            XCTAssertTrue(DemoTestSample.isDigits(String(parts[0]), count: 7), ridet)
            XCTAssertTrue(parts.count == 2 && DemoTestSample.isDigits(String(parts[1]), count: 3), ridet)
            XCTAssertNotEqual(parts.last, "000")
            XCTAssertTrue(companies.insert(parts[0]).inserted, "RIDET company number \(parts[0]) given twice")
            let form = tier.values[.legalForm] ?? ""
            XCTAssertTrue(forms.contains(form), form)
            seenForms.insert(form)
            XCTAssertTrue((tier.values[.companyName] ?? "").startsWithUppercase)
        }
        XCTAssertEqual(seenForms, forms)
    }

    func testNoPublicFigureIsGenerated() {
        for tier in tiers where tier.kind == .person {
            let first = (tier.values[.givenNames] ?? "").split(separator: " ").first.map(String.init) ?? ""
            for family in [tier.values[.birthName], tier.values[.usageName]].compactMap({ $0 }) {
                XCTAssertFalse(
                    DemoCatalog.shared.reservedFullNames[family]?.contains(first) ?? false,
                    "\(first) \(family)"
                )
            }
        }
    }
}

private extension String {
    /// Whether the first character is an uppercase letter (accents included).
    var startsWithUppercase: Bool {
        guard let first else { return false }
        return first.isUppercase
    }
}
