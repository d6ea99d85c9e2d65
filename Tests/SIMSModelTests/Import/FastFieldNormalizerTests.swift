import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// The quick road of the validation, taken by the import for nearly every value, must give exactly
/// what the field rules give, and leave every doubtful value (and so every message) to them.
final class FastFieldNormalizerTests: XCTestCase {
    private let today = CalendarDate(year: 2026, month: 11, day: 29)!

    private func assertSame(_ raw: String, _ field: TierField, file: StaticString = #filePath, line: UInt = #line) {
        guard let fast = FastFieldNormalizer.normalize(raw, for: field, today: today) else { return }
        do {
            let rule = try FieldValidator.normalizeByRule(raw, for: field, today: today)
            XCTAssertEqual(fast, rule, "\(field) « \(raw) »", file: file, line: line)
        } catch {
            XCTFail("\(field) « \(raw) »: the quick road accepted \(String(describing: fast)), the rule said \(error.message)",
                    file: file, line: line)
        }
    }

    func testDemoValuesAsWrittenInACSVFileGiveWhatTheRulesGive() {
        var taken = 0, total = 0
        for tier in DemoPopulation(count: 4000, seed: 11) {
            for (field, stored) in tier.values {
                let written = field == .birthDate ? FieldValidator.display(stored, for: field) : stored
                for raw in [written, stored, written.uppercased(), written.lowercased()] {
                    total += 1
                    if FastFieldNormalizer.normalize(raw, for: field, today: today) != nil { taken += 1 }
                    assertSame(raw, field)
                }
            }
        }
        XCTAssertGreaterThan(Double(taken) / Double(total), 0.8, "the quick road serves the common values")
    }

    func testDoubtfulAndWrongValuesAreLeftToTheRules() {
        let samples: [(TierField, [String])] = [
            (.birthName, ["Wamytan", "N'Guyen", "Le  Goff", " Wamytan", "Wamytan ", "-Wamytan", "Wamytan-", "W4mytan",
                          "Wamytan×", "Ñandú", "Ouaïna", "Kaloï", "A", "", "'", "--", String(repeating: "a", count: 81),
                          String(repeating: "é", count: 80), "Ça", "ÿ÷", "O’Neil", "Ko\u{301}", "Tjibaou\t"]),
            (.givenNames, [String(repeating: "b", count: 120), String(repeating: "b", count: 121), "Jean Claude", "Jean-Claude"]),
            (.sex, ["F", "M", "f", "m", "x", "féminin", "Homme", " F"]),
            (.birthDate, ["14/03/1985", "31/02/2001", "29/02/2024", "29/02/2023", "01/01/1899", "01/01/1900", "30/11/2026",
                          "29/11/2026", "1985-03-14", "1985-02-30", "14-03-1985", "14.03.1985", "1/3/1985", "14031985",
                          "14/3/1985", "aa/bb/cccc", "00/01/2000", "01/00/2000", "1985/03/14", "14/03/85"]),
            (.birthPlace, ["Nouméa", "Papeete (Polynésie française)", "Saint-Louis, 2e", "12", "Nouméa  ", "Lifou!", "L'Île-des-Pins",
                           String(repeating: "x", count: 81)]),
            (.address, ["12 rue Denis Papin", "12  rue", "BP 123, Nouméa", String(repeating: "x", count: 201), "Rue #4 / bis"]),
            (.commune, ["Nouméa", "Noumea", "NOUMÉA", "Le Mont-Dore", "Mont-Dore", "Païta", "Bouloupari", "Koné", "Dumbea",
                        "L'Île des Pins", "Ile des Pins"]),
            (.postalCode, ["98800", "98 800", "98000", "9880", "988000", "98890", "98889"]),
            (.phone, ["251234", "25.12.34", "+687 251234", "211234", "361234", "881234", "991234", "061234", "2512345", "25123"]),
            (.email, ["helene.wamytan@mail.nc", "Marie.Dupont@Province-Sud.NC", "a@b.c", "a@b.cc", "a..b@c.nc", ".a@c.nc",
                      "a.@c.nc", "a@b@c.nc", "a@-b.nc", "a@b-.nc", "a@b..nc", "a@b.n1", "a b@c.nc", "a+tag@c.nc", "a%b@c.nc",
                      "\(String(repeating: "a", count: 65))@c.nc", "a@\(String(repeating: "b", count: 64)).nc", "é@c.nc", "a@",
                      "@c.nc", "a@c", "A@C.NC"]),
            (.cafat, ["123456", "1234", "123", "123456789", "1234567890", "123 456", "0012345"]),
            (.companyName, ["Boulangerie du Quartier Latin", "SCI 2000", "123", "L'Épi d'Or", "A & B (NC) / Sud", "«Le Mont»",
                            "Café \"Chez Lou\"", "x  y", "Société #1", String(repeating: "c", count: 121)]),
            (.ridet, ["0123456", "0123456.001", "0123456001", "0123456 001", "012345", "0123456.01", "0123456-001", "a123456",
                      "0123456.0010"]),
            (.legalForm, ["SARL", "sarl", "S.A.R.L.", "Association loi 1901", "Association", "EI", "Patenté", "Truc", "SC"]),
        ]
        for (field, values) in samples {
            for raw in values { assertSame(raw, field) }
        }
    }

    func testEveryAcceptedLatinScalarIsALetterExceptTimesAndDivide() {
        for value in UInt32(0xC0)..<0x180 {
            let character = Character(Unicode.Scalar(value)!)
            XCTAssertEqual(character.isLetter, value != 0xD7 && value != 0xF7, String(value, radix: 16))
            XCTAssertEqual(String(character).count, 1)
        }
    }
}
