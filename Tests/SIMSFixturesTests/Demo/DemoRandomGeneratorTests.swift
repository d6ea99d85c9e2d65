import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks the SplitMix64 generator against its reference output and its derived draws.
final class DemoRandomGeneratorTests: XCTestCase {
    func testMatchesTheSplitMix64ReferenceSequence() {
        var random = DemoRandomGenerator(seed: 1_234_567)
        let expected: [UInt64] = [
            6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
            4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
        ]
        XCTAssertEqual((0..<5).map { _ in random.next() }, expected)
    }

    func testBoundedDrawsStayInRangeAndCoverIt() {
        var random = DemoRandomGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<10_000 {
            let value = random.between(3, 9)
            XCTAssert((3...9).contains(value))
            seen.insert(value)
            let unit = random.unit()
            XCTAssert(unit >= 0 && unit < 1)
        }
        XCTAssertEqual(seen, Set(3...9))
    }

    func testWeightedTableFollowsItsWeights() {
        var random = DemoRandomGenerator(seed: 2)
        let table = DemoWeightedTable(weights: [1, 0, 3])
        var counts = [0, 0, 0]
        for _ in 0..<40_000 {
            counts[table.pick(using: &random)] += 1
        }
        XCTAssertEqual(counts[1], 0)
        XCTAssertEqual(Double(counts[2]) / Double(counts[0]), 3, accuracy: 0.25)
        XCTAssertEqual(table.share(of: 2), 0.75)
    }

    func testNumberPermutationIssuesEveryNumberOnce() {
        var random = DemoRandomGenerator(seed: 3)
        var numbers = DemoNumberPermutation(lowest: 100, size: 1_000, random: &random)
        var issued: [Int] = []
        while let number = numbers.next() {
            issued.append(number)
        }
        XCTAssertEqual(issued.count, 1_000)
        XCTAssertEqual(Set(issued), Set(100..<1_100))
        XCTAssertNotEqual(Array(issued.prefix(5)), Array(100..<105), "numbers should look random")
    }
}
