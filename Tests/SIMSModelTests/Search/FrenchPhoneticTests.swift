import XCTest
@testable import SIMSModel

final class FrenchPhoneticTests: XCTestCase {
    func testSpellingsThatSoundAlikeMeet() {
        let pairs = [("ouamytan", "wamytan"), ("lefebvre", "lefevre"), ("wamitan", "wamytan"), ("kaloi", "kaloy"),
                     ("philippe", "filipe"), ("gorodey", "gorode"), ("boene", "boenee"), ("kasarherou", "kasarerou"),
                     ("rousseau", "rousso"), ("moreau", "morau")]
        for (a, b) in pairs {
            XCTAssertEqual(FrenchPhonetic.key(a), FrenchPhonetic.key(b), "\(a) / \(b)")
        }
    }

    func testDifferentNamesStayApart() {
        let pairs = [("martin", "marton"), ("wamytan", "wapotro"), ("dupont", "dubois"), ("nguyen", "naisseline")]
        for (a, b) in pairs {
            XCTAssertNotEqual(FrenchPhonetic.key(a), FrenchPhonetic.key(b), "\(a) / \(b)")
        }
    }

    func testTheKeyOfAPrefixIsAPrefixOfTheKey() {
        XCTAssertTrue(FrenchPhonetic.key("wamytan").hasPrefix(FrenchPhonetic.key("ouamy")))
        XCTAssertTrue(FrenchPhonetic.key("lefebvre").hasPrefix(FrenchPhonetic.key("lefe")))
    }

    func testFoldingRemovesAccentsCaseAndLigatures() {
        XCTAssertEqual(SearchText.words("Hélène-Marie N'GUYEN"), ["helene", "marie", "n", "guyen"])
        XCTAssertEqual(SearchText.fold("Œuvre Ÿ"), "oeuvre y")
        XCTAssertEqual(SearchText.fold("He\u{301}le\u{300}ne"), "helene") // decomposed accents
    }

    func testEditDistanceOne() {
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamtyan"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamyan"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamytann"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamitan"))
        XCTAssertFalse(EditDistance.isWithinOne("wamytan", "wamitam"))
        XCTAssertTrue(TypoVariants.of("wamitan").contains("wamytan"))
    }
}
