import XCTest
@testable import SIMSModel

final class FieldValidatorTests: XCTestCase {
    func testEmptyValuesGiveNil() throws {
        for field in TierField.allCases {
            for empty in ["", "   ", "\u{00A0}", " \u{202F} "] {
                XCTAssertNil(try FieldValidator.normalize(empty, for: field, today: ValidationTestSupport.today),
                             "\(field) \(empty.debugDescription)")
            }
        }
    }

    func testDispatchUsesTheFieldsRule() {
        XCTAssertEqual(ValidationTestSupport.accepted("12/03/2001", .birthDate), "2001-03-12")
        XCTAssertEqual(ValidationTestSupport.accepted("+687 25 12 34", .phone), "251234")
        XCTAssertEqual(ValidationTestSupport.accepted("0123456 001", .ridet), "0123456.001")
        XCTAssertEqual(ValidationTestSupport.accepted("ile des pins", .commune), "Île des Pins")
        XCTAssertEqual(ValidationTestSupport.accepted("féminin", .sex), "F")
        XCTAssertEqual(ValidationTestSupport.accepted("s.a.s.", .legalForm), "SAS")
        // The same text means different things in different fields.
        ValidationTestSupport.refused("251234", .birthName, mentions: ["chiffres"])
        ValidationTestSupport.refused("Dupont", .phone)
    }

    func testStoredValuesNormalizeToThemselves() {
        let typed = ControlCharacterTests.validValues
        for field in TierField.allCases {
            guard let stored = ValidationTestSupport.accepted(typed[field]!, field) else { continue }
            XCTAssertEqual(ValidationTestSupport.accepted(stored, field), stored, "\(field)")
        }
        for date in ["1900-01-01", "2024-02-29"] {
            XCTAssertEqual(ValidationTestSupport.accepted(date, .birthDate), date)
        }
        XCTAssertEqual(ValidationTestSupport.accepted("0123456", .ridet), "0123456")
    }

    func testDisplayForms() {
        XCTAssertEqual(FieldValidator.display("2001-03-12", for: .birthDate), "12/03/2001")
        XCTAssertEqual(FieldValidator.display("251234", for: .phone), "25.12.34")
        XCTAssertEqual(FieldValidator.display("0123456.001", for: .ridet), "0123456.001")
        XCTAssertEqual(FieldValidator.display("Nouméa", for: .commune), "Nouméa")
        XCTAssertEqual(FieldValidator.display("F", for: .sex), "F")
    }

    func testEveryMessageIsFrenchAndNamesTheField() {
        let bad: [TierField: String] = [
            .birthName: "Dupont3", .usageName: "@", .givenNames: "Léa#", .sex: "?", .birthDate: "31/02/2001",
            .birthPlace: "Nouméa!", .address: String(repeating: "a", count: 300), .commune: "Atlantide",
            .postalCode: "98850", .phone: "612345", .email: "lea", .cafat: "12", .companyName: "@@",
            .ridet: "123", .legalForm: "Ltd",
        ]
        for field in TierField.allCases {
            let error = ValidationTestSupport.refused(bad[field]!, field)
            XCTAssertTrue(error?.message.hasSuffix(".") ?? false, error?.message ?? "")
            XCTAssertTrue(error?.message.contains("Saisissez") == true || error?.message.contains("Vérifiez") == true
                          || error?.message.contains("Raccourcissez") == true,
                          "message says what to fix: \(error?.message ?? "")")
        }
    }
}
