import XCTest
@testable import GuichetTUI

final class YesNoAnswerTests: XCTestCase {
    func testOIsYesNEscapeAndAnnulerAreNoAnyOtherKeyIsNoAnswer() {
        XCTAssertEqual(YesNoAnswer.read(.character("o")), true)
        XCTAssertEqual(YesNoAnswer.read(.character("O")), true)
        XCTAssertEqual(YesNoAnswer.read(.character("n")), false)
        XCTAssertEqual(YesNoAnswer.read(.character("N")), false)
        XCTAssertEqual(YesNoAnswer.read(.escape), false)
        XCTAssertEqual(YesNoAnswer.read(.key(.function(12)), action: .annuler), false)
        XCTAssertNil(YesNoAnswer.read(.character("y")), "an English yes is not taken for one")
        XCTAssertNil(YesNoAnswer.read(.enter), "Enter does not answer for the agent")
        XCTAssertEqual(YesNoAnswer.reminder, .info("Répondez o (oui) ou n (non)."))
    }
}
