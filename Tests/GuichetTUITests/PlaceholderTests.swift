import XCTest
final class PlaceholderTUITests: XCTestCase { func testX() { XCTAssertTrue(true) } }
