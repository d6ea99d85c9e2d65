import XCTest
@testable import SIMSModel

final class NameRuleTests: XCTestCase {
    func testNamesAreKeptAsTypedTrimmedAndCollapsed() {
        XCTAssertEqual(ValidationTestSupport.accepted("  de   la Fontaine ", .birthName), "de la Fontaine")
        XCTAssertEqual(ValidationTestSupport.accepted("WAMYTAN", .birthName), "WAMYTAN")
        XCTAssertEqual(ValidationTestSupport.accepted("Jean-Marie", .givenNames), "Jean-Marie")
        XCTAssertEqual(ValidationTestSupport.accepted("Éloïse Maëlle", .givenNames), "Éloïse Maëlle")
        XCTAssertEqual(ValidationTestSupport.accepted("Nguyễn", .usageName), "Nguyễn")
        XCTAssertEqual(ValidationTestSupport.accepted("Xârâcùù", .birthName), "Xârâcùù")
        XCTAssertEqual(ValidationTestSupport.accepted("Ōtsuka 大塚", .birthName), "Ōtsuka 大塚")
        XCTAssertEqual(ValidationTestSupport.accepted("'t Hooft", .birthName), "'t Hooft")
        XCTAssertEqual(ValidationTestSupport.accepted("Ti\u{00A0}Paul", .givenNames), "Ti Paul")
    }

    func testApostrophesAreNormalised() {
        XCTAssertEqual(ValidationTestSupport.accepted("N’Diaye", .birthName), "N'Diaye")
        XCTAssertEqual(ValidationTestSupport.accepted("D‘Artagnan", .birthName), "D'Artagnan")
    }

    func testDecomposedAccentsAreComposed() {
        let decomposed = "Le\u{0301}a"   // L, e + combining acute, a
        let stored = ValidationTestSupport.accepted(decomposed, .givenNames)
        XCTAssertEqual(stored, "Léa")
        XCTAssertEqual(stored?.unicodeScalars.count, 3)
    }

    func testDigitsAreRefused() {
        ValidationTestSupport.refused("Dupont2", .birthName, mentions: ["chiffres ne sont pas admis", "« 2 »"])
        ValidationTestSupport.refused("Louis XIV 14", .givenNames, mentions: ["chiffres"])
    }

    func testSymbolsAreRefused() {
        for bad in ["Dupont@", "Du.pont", "Dupont, Jean", "Dupont/Durand", "Dupont_", "Dupont 😀", "Dupont (Marie)"] {
            ValidationTestSupport.refused(bad, .birthName, mentions: ["n'est pas admis", "apostrophes, traits d'union"])
        }
        ValidationTestSupport.refused("Dupont@", .birthName, mentions: ["le caractère « @ »"])
    }

    func testStructure() {
        ValidationTestSupport.refused("-Dupont", .birthName, mentions: ["trait d'union"])
        ValidationTestSupport.refused("Dupont-", .birthName, mentions: ["trait d'union"])
        ValidationTestSupport.refused("'-'", .birthName, mentions: ["aucune lettre"])
    }

    func testLengthLimits() {
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "a", count: 80), .birthName))
        ValidationTestSupport.refused(String(repeating: "a", count: 81), .birthName, mentions: ["81 caractères", "80 au plus"])
        ValidationTestSupport.refused(String(repeating: "b", count: 81), .usageName, mentions: ["80 au plus"])
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "a", count: 120), .givenNames))
        ValidationTestSupport.refused(String(repeating: "a", count: 121), .givenNames, mentions: ["120 au plus"])
        // Accented letters count once each.
        XCTAssertNotNil(ValidationTestSupport.accepted(String(repeating: "é", count: 80), .birthName))
    }
}
