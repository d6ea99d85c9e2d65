import XCTest
@testable import SIMSModel

final class FrenchCountTests: XCTestCase {
    func testZeroAndOneTakeTheSingularTwoAndMoreThePlural() {
        XCTAssertEqual(FrenchCount.of(0, "ligne rejetée", "lignes rejetées"), "0 ligne rejetée")
        XCTAssertEqual(FrenchCount.of(1, "tiers importé", "tiers importés"), "1 tiers importé")
        XCTAssertEqual(FrenchCount.of(2, "tiers importé", "tiers importés"), "2 tiers importés")
        XCTAssertEqual(FrenchCount.of(1, "événement"), "1 événement")
        XCTAssertEqual(FrenchCount.of(12, "événement"), "12 événements")
    }
}
