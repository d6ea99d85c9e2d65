import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks that a large demo population has the proportions of the Province Sud.
final class DemoPopulationProportionTests: XCTestCase {
    private let tiers = DemoTestSample.large

    private func share(_ predicate: (DemoTier) -> Bool) -> Double {
        Double(tiers.filter(predicate).count) / Double(tiers.count)
    }

    func testNoumeaHoldsAboutHalfTheTiers() {
        let noumea = share { $0.values[.commune] == "Nouméa" }
        XCTAssert((0.40...0.50).contains(noumea), "Nouméa \(noumea)")
        let dumbea = share { $0.values[.commune] == "Dumbéa" }
        XCTAssert((0.14...0.21).contains(dumbea), "Dumbéa \(dumbea)")
        let communes = Set(tiers.compactMap { $0.values[.commune] })
        XCTAssertEqual(communes, Set(DemoTestSample.postalCodes.keys), "every commune appears")
    }

    func testOrganisationsAreAboutEightPercent() {
        let organisations = share { $0.kind == .organisation }
        XCTAssert((0.05...0.12).contains(organisations), "organisations \(organisations)")
    }

    func testMinorsAndSexesAreBalanced() {
        let persons = tiers.filter { $0.kind == .person }
        let minors = persons.filter { !$0.relations.isEmpty }.count
        let minorShare = Double(minors) / Double(persons.count)
        XCTAssert((0.2...0.45).contains(minorShare), "minors \(minorShare)")
        let women = Double(persons.filter { $0.values[.sex] == "F" }.count) / Double(persons.count)
        XCTAssert((0.45...0.55).contains(women), "women \(women)")
    }

    func testNamesUsedBySearchTestsAppear() {
        let familyNames = Set(tiers.flatMap { [$0.values[.birthName], $0.values[.usageName]].compactMap { $0 } })
        for name in ["Wamytan", "Ouamytan", "Lefèvre", "Lefebvre"] {
            XCTAssertTrue(familyNames.contains(name), name)
        }
        let givenNames = Set(tiers.flatMap { ($0.values[.givenNames] ?? "").split(separator: " ").map(String.init) })
        for name in ["Hélène", "Émilie", "Noé", "Zoé", "Gaëlle", "Kélly"] {
            XCTAssertTrue(givenNames.contains(name), name)
        }
        XCTAssertTrue(tiers.contains { ($0.values[.givenNames] ?? "").contains(" ") }, "some have two given names")
    }

    func testCommunityMixIsDocumentedAndSumsToOne() {
        let mix = DemoPopulation.communityMix
        XCTAssertEqual(mix.map(\.community), DemoCommunity.allCases)
        XCTAssertEqual(mix.reduce(0) { $0 + $1.share }, 1, accuracy: 1e-9)
        XCTAssert((0.25...0.35).contains(DemoCommunity.kanak.populationShare))
        XCTAssert((0.35...0.45).contains(DemoCommunity.european.populationShare))
        XCTAssert((0.10...0.18).contains(DemoCommunity.wallisianFutunian.populationShare))
    }

    func testEveryCommunityHasEnoughNames() {
        for community in [DemoCommunity.kanak, .european, .wallisianFutunian] {
            XCTAssertGreaterThanOrEqual(Set(community.familyNames).count, 60, community.rawValue)
        }
        for community in DemoCommunity.allCases {
            XCTAssertEqual(Set(community.familyNames).count, community.familyNames.count, "duplicates in \(community)")
            XCTAssertGreaterThanOrEqual(community.familyNames.count, 25, community.rawValue)
        }
    }

    func testKanakFamilyNamesMostlyAppearInTribalCommunes() {
        let kanakNames = Set(DemoCommunity.kanak.familyNames)
        let yate = tiers.filter { $0.kind == .person && $0.values[.commune] == "Yaté" }
        let kanakInYate = Double(yate.filter { kanakNames.contains($0.values[.birthName] ?? "") }.count)
        XCTAssertGreaterThan(kanakInYate / Double(max(yate.count, 1)), 0.6)
        XCTAssertTrue(tiers.contains { ($0.values[.address] ?? "").hasPrefix("Tribu de Saint-Louis") })
    }
}
