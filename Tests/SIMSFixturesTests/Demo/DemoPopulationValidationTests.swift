import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks the demo values against the project's own validation rules: each must be accepted and
/// already be its canonical stored form.
final class DemoPopulationValidationTests: XCTestCase {
    private let tiers = DemoTestSample.large

    func testEveryTierPassesTheTierValidatorUnchanged() throws {
        let today = try XCTUnwrap(CalendarDate(year: DemoTestSample.referenceYear, month: 1, day: 1))
        var failures: [String] = []
        // One tier in 20 across the sample: the validator is thorough, hence slow in debug builds.
        for tier in stride(from: 0, to: tiers.count, by: 20).map({ tiers[$0] }) {
            let result = TierValidator.validate(kind: tier.kind, values: tier.values, today: today)
            if !result.errors.isEmpty {
                failures.append("tier \(tier.localID): \(result.errors.map(\.message))")
            } else if result.normalized != tier.values {
                let changed = tier.values.filter { result.normalized[$0.key] != $0.value }
                failures.append("tier \(tier.localID) not canonical: \(changed)")
            }
        }
        XCTAssertEqual(failures.prefix(20), [])
    }

    func testPhoneKindFollowsTheFirstDigit() {
        for tier in tiers {
            guard let phone = tier.values[.phone] else { continue }
            let expected: PhoneKind = "234".contains(phone.first!) ? .landline : .mobile
            XCTAssertEqual(PhoneRule.kind(of: phone), expected, phone)
        }
    }

    func testCommunesArePopulatedLikeTheReferenceTable() {
        for commune in DemoCommune.provinceSud {
            let reference = ProvinceSudCommune.named(commune.name)
            XCTAssertEqual(reference?.name, commune.name)
            XCTAssertTrue(reference?.postalCodes.contains(commune.postalCode) ?? false, commune.name)
            if let reference, reference.population2019 > 1_000 {
                XCTAssertEqual(Double(commune.population), Double(reference.population2019),
                               accuracy: 0.02 * Double(reference.population2019), commune.name)
            }
        }
        XCTAssertEqual(DemoCommune.provinceSud.count, ProvinceSudCommune.all.count)
    }
}
