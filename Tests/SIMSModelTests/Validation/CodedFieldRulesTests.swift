import XCTest
@testable import SIMSModel

/// Sex, CAFAT number and legal form.
final class CodedFieldRulesTests: XCTestCase {
    func testSex() {
        for typed in ["F", "f", "féminin", "FEMININ", "Femme", " femme "] {
            XCTAssertEqual(ValidationTestSupport.accepted(typed, .sex), "F", typed)
        }
        for typed in ["M", "m", "masculin", "Masculin", "HOMME", "homme"] {
            XCTAssertEqual(ValidationTestSupport.accepted(typed, .sex), "M", typed)
        }
        for bad in ["X", "h", "fm", "autre", "0"] {
            ValidationTestSupport.refused(bad, .sex, mentions: ["Saisissez F (féminin) ou M (masculin)"])
        }
        XCTAssertEqual(SexRule.display("F"), "Féminin")
        XCTAssertEqual(SexRule.display("M"), "Masculin")
    }

    func testCafat() {
        XCTAssertEqual(ValidationTestSupport.accepted("123456", .cafat), "123456")
        XCTAssertEqual(ValidationTestSupport.accepted("123 456", .cafat), "123456")
        XCTAssertEqual(ValidationTestSupport.accepted("0012345", .cafat), "0012345")
        XCTAssertEqual(ValidationTestSupport.accepted("1234", .cafat), "1234")
        XCTAssertEqual(ValidationTestSupport.accepted("123456789", .cafat), "123456789")
        for bad in ["123", "1234567890", "12A456", "numéro", "-"] {
            ValidationTestSupport.refused(bad, .cafat, mentions: ["Saisissez uniquement les chiffres", "4 à 9 chiffres"])
        }
    }

    func testLegalForms() {
        let cases = ["sarl": "SARL", "S.A.R.L.": "SARL", "Société à responsabilité limitée": "SARL",
                     "sas": "SAS", "SASU": "SASU", "sa": "SA", "eurl": "EURL", "SCI": "SCI",
                     "selarl": "SELARL", "gie": "GIE", "association": "Association loi 1901",
                     "ASSOCIATION LOI DE 1901": "Association loi 1901", "EI": "Entreprise individuelle",
                     "entreprise individuelle": "Entreprise individuelle",
                     "Societe cooperative": "Société coopérative", "epic": "EPIC",
                     "etablissement public": "Établissement public", "Patenté": "Entreprise individuelle"]
        for (typed, canonical) in cases {
            XCTAssertEqual(ValidationTestSupport.accepted(typed, .legalForm), canonical, typed)
        }
        ValidationTestSupport.refused("Ltd", .legalForm,
                                      mentions: ["« Ltd » n'est pas une forme juridique connue", "SARL", "Association loi 1901"])
        ValidationTestSupport.refused("SARLL", .legalForm, mentions: ["n'est pas une forme juridique"])
    }

    func testEveryCanonicalLegalFormIsItsOwnStoredForm() {
        for form in LegalFormRule.forms {
            XCTAssertEqual(ValidationTestSupport.accepted(form.canonical, .legalForm), form.canonical)
            for alias in form.aliases {
                XCTAssertEqual(ValidationTestSupport.accepted(alias, .legalForm), form.canonical, alias)
            }
        }
    }
}
