import XCTest
@testable import SIMSModel

final class RidetRuleTests: XCTestCase {
    private let field = TierField.ridet

    func testAcceptedForms() {
        for form in ["0123456.001", "0123456 001", "0123456-001", "0123456001", " 0123456.001 "] {
            XCTAssertEqual(ValidationTestSupport.accepted(form, field), "0123456.001", form)
        }
        XCTAssertEqual(ValidationTestSupport.accepted("0123456", field), "0123456")
        XCTAssertEqual(ValidationTestSupport.accepted("1234567.000", field), "1234567.000")
    }

    func testRefusedForms() {
        let hint = "7 chiffres, suivis éventuellement de 3 chiffres d'établissement, par ex. 0123456.001"
        for bad in ["012345", "01234567", "0123456.01", "0123456.0012", "0123456.00A", "A123456",
                    ".0123456", "0123456.", "ridet"] {
            ValidationTestSupport.refused(bad, field, mentions: [hint])
        }
        ValidationTestSupport.refused("012345", field, mentions: ["« 012345 » n'est pas un RIDET"])
    }

    func testDisplay() {
        XCTAssertEqual(FieldValidator.display("0123456.001", for: field), "0123456.001")
        XCTAssertEqual(FieldValidator.display("0123456", for: field), "0123456")
        XCTAssertEqual(RidetRule.display("0123456001"), "0123456.001")
    }
}
