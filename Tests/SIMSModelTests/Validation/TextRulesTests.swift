import XCTest
@testable import SIMSModel

/// Birth place, company name and address.
final class TextRulesTests: XCTestCase {
    func testBirthPlace() {
        XCTAssertEqual(ValidationTestSupport.accepted("Nouméa  (Nouvelle-Calédonie)", .birthPlace),
                       "Nouméa (Nouvelle-Calédonie)")
        XCTAssertEqual(ValidationTestSupport.accepted("Paris 14e, France", .birthPlace), "Paris 14e, France")
        XCTAssertEqual(ValidationTestSupport.accepted("St. Louis", .birthPlace), "St. Louis")
        XCTAssertEqual(ValidationTestSupport.accepted("L’Île-Rousse", .birthPlace), "L'Île-Rousse")
        ValidationTestSupport.refused("Nouméa / Dumbéa", .birthPlace, mentions: ["« / »", "n'est pas admis"])
        ValidationTestSupport.refused("Paris #14", .birthPlace, mentions: ["« # »"])
        ValidationTestSupport.refused("123", .birthPlace, mentions: ["ne contient"])
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "x", count: 80), .birthPlace))
        ValidationTestSupport.refused(String(repeating: "x", count: 81), .birthPlace, mentions: ["80 au plus"])
    }

    func testCompanyName() {
        XCTAssertEqual(ValidationTestSupport.accepted("Boulangerie  L’Épi d’Or", .companyName),
                       "Boulangerie L'Épi d'Or")
        let usual = "Dupont & Fils (SARL) - « Le Cagou », \"Import/Export\" n. 2"
        XCTAssertEqual(ValidationTestSupport.accepted(usual, .companyName), usual)
        XCTAssertEqual(ValidationTestSupport.accepted("3M", .companyName), "3M")
        ValidationTestSupport.refused("Dupont@Fils", .companyName, mentions: ["« @ »", "raison sociale"])
        ValidationTestSupport.refused("Café #1", .companyName, mentions: ["« # »"])
        ValidationTestSupport.refused("&&", .companyName, mentions: ["ni lettre ni chiffre"])
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "x", count: 120), .companyName))
        ValidationTestSupport.refused(String(repeating: "x", count: 121), .companyName, mentions: ["120 au plus"])
    }

    func testAddress() {
        XCTAssertEqual(ValidationTestSupport.accepted("12  rue de Sébastopol,  BP 123 #4", .address),
                       "12 rue de Sébastopol, BP 123 #4")
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "x", count: 200), .address))
        ValidationTestSupport.refused(String(repeating: "x", count: 201), .address,
                                      mentions: ["201 caractères", "200 au plus"])
        ValidationTestSupport.refused("12 rue\nde Sébastopol", .address, mentions: ["retour à la ligne"])
    }
}
