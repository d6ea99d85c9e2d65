import XCTest
@testable import SIMSModel

/// Shared fixtures and assertions of the validation tests.
enum ValidationTestSupport {
    /// The "today" of every validation test: 29 November 2026.
    static let today = CalendarDate(year: 2026, month: 11, day: 29)!

    /// The canonical value of `raw`, failing the test when it is refused.
    static func accepted(
        _ raw: String, _ field: TierField, file: StaticString = #filePath, line: UInt = #line
    ) -> String? {
        do {
            return try FieldValidator.normalize(raw, for: field, today: today)
        } catch {
            XCTFail("\(field) refused \(raw.debugDescription): \(error.message)", file: file, line: line)
            return nil
        }
    }

    /// The error `raw` gives, failing the test when it is accepted; checks that the error is about
    /// `field`, that its message starts with the field's label and contains every fragment.
    @discardableResult
    static func refused(
        _ raw: String, _ field: TierField, mentions fragments: [String] = [],
        file: StaticString = #filePath, line: UInt = #line
    ) -> ValidationError? {
        do {
            let value = try FieldValidator.normalize(raw, for: field, today: today)
            XCTFail("\(field) accepted \(raw.debugDescription) as \(String(describing: value))",
                    file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(error.field, field, file: file, line: line)
            XCTAssertTrue(error.message.hasPrefix(field.label + " : "),
                          "message does not name the field: \(error.message)", file: file, line: line)
            for fragment in fragments {
                XCTAssertTrue(error.message.contains(fragment),
                              "\(error.message.debugDescription) lacks \(fragment.debugDescription)",
                              file: file, line: line)
            }
            return error
        }
    }
}
