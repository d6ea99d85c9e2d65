import XCTest
@testable import SIMSModel

final class PhoneRuleTests: XCTestCase {
    private let field = TierField.phone

    func testAcceptedFormsGiveSixDigits() {
        for form in ["+687 25 12 34", "+687251234", "(+687) 25.12.34", "00687251234", "00 687 25 12 34",
                     "687251234", "25.12.34", "25-12-34", "25 12 34", "251234"] {
            XCTAssertEqual(ValidationTestSupport.accepted(form, field), "251234", form)
        }
    }

    func testWrongLengths() {
        ValidationTestSupport.refused("25.12.3", field, mentions: ["5 chiffres au lieu de 6", "25.12.34"])
        ValidationTestSupport.refused("2512345", field, mentions: ["7 chiffres au lieu de 6"])
        ValidationTestSupport.refused("68725123", field, mentions: ["8 chiffres"])
        ValidationTestSupport.refused("+687 25 12 3", field, mentions: ["5 chiffres"])
    }

    func testForeignNumbersAreRefused() {
        ValidationTestSupport.refused("+33 6 12 34 56 78", field, mentions: ["pas un numéro de Nouvelle-Calédonie", "+687"])
        ValidationTestSupport.refused("0033612345678", field, mentions: ["+687"])
    }

    func testLettersAreRefused() {
        ValidationTestSupport.refused("25 12 AB", field, mentions: ["n'est pas un numéro de téléphone"])
    }

    func testNumbersOutsideTheNumberingPlanAreRefused() {
        for bad in ["012345", "123456", "612345", "661234", "212345", "221234", "381234", "401234",
                    "481234", "491234"] {
            ValidationTestSupport.refused(bad, field, mentions: ["n'est pas un numéro attribué",
                                                                 "un mobile par 5, 7, 8 ou 9"])
        }
        ValidationTestSupport.refused("612345", field, mentions: ["61.23.45"])
    }

    func testKinds() {
        for landline in ["201234", "251234", "291234", "301234", "351234", "411234", "471234", "881234"] {
            XCTAssertEqual(PhoneRule.kind(of: landline), .landline, landline)
            XCTAssertNotNil(ValidationTestSupport.accepted(landline, field))
        }
        for mobile in ["501234", "591234", "701234", "791234", "801234", "871234", "891234", "991234"] {
            XCTAssertEqual(PhoneRule.kind(of: mobile), .mobile, mobile)
            XCTAssertNotNil(ValidationTestSupport.accepted(mobile, field))
        }
        XCTAssertEqual(PhoneRule.kind(of: "+687 75.12.34"), .mobile)
        XCTAssertNil(PhoneRule.kind(of: "612345"))
        XCTAssertNil(PhoneRule.kind(of: "12345"))
        XCTAssertNil(PhoneRule.kind(of: "bonjour"))
    }

    func testServiceNumbersAreAcceptedWithoutKind() {
        XCTAssertEqual(ValidationTestSupport.accepted("36 67 18", field), "366718")
        XCTAssertNil(PhoneRule.kind(of: "366718"))
    }

    func testDisplay() {
        XCTAssertEqual(FieldValidator.display("251234", for: field), "25.12.34")
        XCTAssertEqual(FieldValidator.display("+33 1 23", for: field), "+33 1 23")
    }
}
