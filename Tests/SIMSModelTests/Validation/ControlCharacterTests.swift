import XCTest
@testable import SIMSModel

final class ControlCharacterTests: XCTestCase {
    /// A valid value for each field, so that only the inserted character can make it fail.
    static let validValues: [TierField: String] = [
        .birthName: "Dupont", .usageName: "Martin", .givenNames: "Léa Marie", .sex: "F",
        .birthDate: "12/03/2001", .birthPlace: "Nouméa", .address: "12 rue de Sébastopol",
        .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34", .email: "lea@lagoon.nc",
        .cafat: "123456", .companyName: "Le Cagou", .ridet: "0123456.001", .legalForm: "SARL",
    ]

    func testEveryFieldHasAValidSample() {
        for field in TierField.allCases {
            XCTAssertNotNil(ValidationTestSupport.accepted(Self.validValues[field] ?? "", field), "\(field)")
        }
    }

    func testControlCharactersAreRefusedAnywhereInEveryField() {
        let controls: [(String, String)] = [
            ("\n", "retour à la ligne"), ("\r", "retour à la ligne"), ("\u{85}", "retour à la ligne"),
            ("\u{2028}", "retour à la ligne"), ("\t", "tabulation"), ("\u{0}", "U+0000"),
            ("\u{1B}", "U+001B"), ("\u{7F}", "U+007F"),
        ]
        for field in TierField.allCases {
            let value = Self.validValues[field]!
            for (control, description) in controls {
                for typed in [value + control, control + value, String(value.prefix(2)) + control + value.dropFirst(2)] {
                    ValidationTestSupport.refused(typed, field, mentions: [description, "une seule ligne"])
                }
            }
        }
    }

    func testAControlCharacterAloneIsNotEmpty() {
        ValidationTestSupport.refused("\n", .birthName, mentions: ["retour à la ligne"])
        ValidationTestSupport.refused(" \t ", .address, mentions: ["tabulation"])
    }

    func testInvisibleCharactersAreRefused() {
        ValidationTestSupport.refused("Du\u{200B}pont", .birthName, mentions: ["caractère invisible", "U+200B"])
        ValidationTestSupport.refused("\u{FEFF}12 rue Jules Ferry", .address, mentions: ["U+FEFF"])
        ValidationTestSupport.refused("Du\u{E000}pont", .birthName, mentions: ["non reconnu"])
    }
}
