import XCTest
@testable import SIMSModel
final class PlaceholderTests: XCTestCase { func testX() { XCTAssertEqual(SIMSModelVersion.schema, 1) } }
