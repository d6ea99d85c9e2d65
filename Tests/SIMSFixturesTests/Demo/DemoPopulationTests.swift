import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks that a demo population is deterministic and has exactly the requested size.
final class DemoPopulationTests: XCTestCase {
    func testSameSeedYieldsTheSameFirstThousandTiers() {
        let first = Array(DemoPopulation(count: 1_000, seed: 42))
        let second = Array(DemoPopulation(count: 1_000, seed: 42))
        XCTAssertEqual(first, second)
    }

    func testOtherSeedYieldsOtherTiers() {
        let first = Array(DemoPopulation(count: 1_000, seed: 42))
        let other = Array(DemoPopulation(count: 1_000, seed: 43))
        XCTAssertNotEqual(first, other)
        let differing = zip(first, other).filter { $0.values != $1.values }.count
        XCTAssertGreaterThan(differing, 900, "neighbouring seeds should give unrelated populations")
    }

    func testYieldsExactlyCountTiersNumberedInOrder() {
        for count in [0, 1, 2, 3, 17, 1_000] {
            let tiers = Array(DemoPopulation(count: count, seed: 7))
            XCTAssertEqual(tiers.count, count)
            XCTAssertEqual(tiers.map(\.localID), Array(stride(from: 1, through: count, by: 1)))
        }
    }

    func testIteratorStopsForGoodAfterCount() {
        var iterator = DemoPopulation(count: 5, seed: 7).makeIterator()
        for _ in 0..<5 {
            XCTAssertNotNil(iterator.next())
        }
        XCTAssertNil(iterator.next())
        XCTAssertNil(iterator.next())
    }

    func testSmallerPopulationIsAPrefixOfALargerOne() {
        let small = Array(DemoPopulation(count: 500, seed: 9))
        let large = Array(DemoPopulation(count: 2_000, seed: 9))
        XCTAssertEqual(small, Array(large.prefix(500)))
    }

    func testSequenceCanBeIteratedTwiceWithTheSameResult() {
        let population = DemoPopulation(count: 300, seed: 11)
        XCTAssertEqual(Array(population), Array(population))
        XCTAssertEqual(population.underestimatedCount, 300)
    }

    func testFirstTierIsAnAdultPerson() {
        for seed in UInt64(0)..<50 {
            var iterator = DemoPopulation(count: 1, seed: seed).makeIterator()
            let first = iterator.next()
            XCTAssertEqual(first?.kind, .person)
            XCTAssertEqual(first?.relations, [])
        }
    }

    func testReferenceYearShiftsBirthDates() throws {
        var now = DemoPopulation(count: 1, seed: 5).makeIterator()
        var later = DemoPopulation(count: 1, seed: 5, referenceYear: DemoPopulation.defaultReferenceYear + 10)
            .makeIterator()
        let birthNow = try XCTUnwrap(now.next()?.values[.birthDate].flatMap(DemoTestSample.date))
        let birthLater = try XCTUnwrap(later.next()?.values[.birthDate].flatMap(DemoTestSample.date))
        XCTAssertEqual(birthLater.year, birthNow.year + 10)
    }
}
