import XCTest
@testable import SIMSModel

final class DateRuleTests: XCTestCase {
    private let field = TierField.birthDate

    func testAcceptedFormsGiveISO() {
        let forms = ["12/03/2001", "12/3/2001", "2/3/2001", "12-03-2001", "12.03.2001", "12032001",
                     " 12/03/2001 ", "2001-03-12"]
        for form in forms {
            let expected = form == "2/3/2001" ? "2001-03-02" : "2001-03-12"
            XCTAssertEqual(ValidationTestSupport.accepted(form, field), expected, form)
        }
    }

    func testSixBareDigitsTakeTheCenturyThatKeepsABirthDateInThePast() {
        XCTAssertEqual(ValidationTestSupport.accepted("140385", field), "1985-03-14")
        XCTAssertEqual(ValidationTestSupport.accepted("120301", field), "2001-03-12")
        // A date that is not a birth date (no last day) is of the 2000s.
        XCTAssertEqual(try DateRule.normalize("150227", label: "Date d'ouverture", notAfter: nil), "2027-02-15")
        ValidationTestSupport.refused("310485", field, mentions: ["31/04/1985 n'existe pas"])
    }

    func testLeapDay() {
        XCTAssertEqual(ValidationTestSupport.accepted("29/02/2024", field), "2024-02-29")
        ValidationTestSupport.refused("29/02/2023", field, mentions: ["29/02/2023 n'existe pas", "jj/mm/aaaa"])
        ValidationTestSupport.refused("29/02/1900", field)
    }

    func testImpossibleDateMessage() {
        let error = ValidationTestSupport.refused("31/02/2001", field)
        XCTAssertEqual(error?.message, "Date de naissance : le 31/02/2001 n'existe pas. "
            + "Saisissez une date au format jj/mm/aaaa, par ex. 12/03/2001.")
        ValidationTestSupport.refused("12/13/2001", field, mentions: ["12/13/2001 n'existe pas"])
        ValidationTestSupport.refused("00/01/2001", field, mentions: ["n'existe pas"])
        ValidationTestSupport.refused("31042001", field, mentions: ["31/04/2001 n'existe pas"])
    }

    func testTwoDigitYearsAskForFourDigits() {
        ValidationTestSupport.refused("12/03/01", field, mentions: ["« 01 »", "quatre chiffres"])
        ValidationTestSupport.refused("12/03/201", field, mentions: ["quatre chiffres"])
    }

    func testYearsBefore1900AreRefused() {
        ValidationTestSupport.refused("31/12/1899", field, mentions: ["1899", "antérieure à 1900"])
        XCTAssertEqual(ValidationTestSupport.accepted("01/01/1900", field), "1900-01-01")
    }

    func testBirthDatesAfterTodayAreRefused() {
        // today is 29/11/2026
        XCTAssertEqual(ValidationTestSupport.accepted("29/11/2026", field), "2026-11-29")
        ValidationTestSupport.refused("30/11/2026", field,
                                      mentions: ["30/11/2026", "postérieur à aujourd'hui", "29/11/2026"])
    }

    func testGarbageIsNotADate() {
        for garbage in ["hier", "12/03", "12/03/2001/4", "1 2 3 4", "12/O3/2001", "2001", "-12-03-2001"] {
            ValidationTestSupport.refused(garbage, field, mentions: ["jj/mm/aaaa"])
        }
        ValidationTestSupport.refused("hier", field, mentions: ["« hier » n'est pas une date"])
    }

    func testDisplay() {
        XCTAssertEqual(DateRule.display("2001-03-02"), "02/03/2001")
        XCTAssertEqual(DateRule.display("pas une date"), "pas une date")
    }
}
