import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks that relations point to earlier tiers of the right kind and age.
final class DemoPopulationRelationTests: XCTestCase {
    private let tiers = DemoTestSample.large

    func testRelationsOnlyPointToEarlierTiers() {
        for tier in tiers {
            for relation in tier.relations {
                XCTAssertGreaterThanOrEqual(relation.relatedLocalID, 1)
                XCTAssertLessThan(relation.relatedLocalID, tier.localID, "tier \(tier.localID)")
            }
        }
    }

    func testEveryOrganisationHasOneAdultPersonAsGerant() {
        var organisations = 0
        for tier in tiers where tier.kind == .organisation {
            organisations += 1
            XCTAssertEqual(tier.relations.count, 1)
            guard let relation = tier.relations.first else { continue }
            XCTAssertEqual(relation.kind, .manager)
            let manager = tiers[relation.relatedLocalID - 1]
            XCTAssertEqual(manager.kind, .person)
            let age = manager.values[.birthDate].flatMap { DemoTestSample.age($0) } ?? -1
            XCTAssertGreaterThanOrEqual(age, 18, "gérant \(manager.localID) of \(tier.localID)")
        }
        XCTAssertGreaterThan(organisations, 0)
    }

    func testChildrenHaveAnAdultRepresentativeWhoIsOneOfTheirParents() {
        var children = 0
        var withTwoParents = 0
        for tier in tiers where tier.kind == .person && !tier.relations.isEmpty {
            children += 1
            let representatives = tier.relations.filter { $0.kind == .legalRepresentative }
            let parents = tier.relations.filter { $0.kind == .parent }
            XCTAssertEqual(representatives.count, 1)
            XCTAssert((1...2).contains(parents.count))
            XCTAssertEqual(tier.relations.count, representatives.count + parents.count)
            if parents.count == 2 { withTwoParents += 1 }
            XCTAssert(parents.map(\.relatedLocalID).contains(representatives[0].relatedLocalID))

            let childBirth = tier.values[.birthDate] ?? ""
            XCTAssert((0...17).contains(DemoTestSample.age(childBirth) ?? -1), "child \(tier.localID)")
            for relation in tier.relations {
                let parent = tiers[relation.relatedLocalID - 1]
                XCTAssertEqual(parent.kind, .person)
                XCTAssertTrue(parent.relations.isEmpty, "a parent is an adult, not a represented minor")
                let parentBirth = parent.values[.birthDate] ?? ""
                XCTAssertTrue(
                    DemoTestSample.isAtLeast18YearsOlder(parentBirth, than: childBirth),
                    "parent \(parent.localID) born \(parentBirth), child \(tier.localID) born \(childBirth)"
                )
                XCTAssertEqual(parent.values[.address], tier.values[.address])
                XCTAssertEqual(parent.values[.commune], tier.values[.commune])
            }
            let parentNames = parents.compactMap { tiers[$0.relatedLocalID - 1].values[.birthName] }
            XCTAssert(
                parentNames.contains(tier.values[.birthName] ?? ""), "child \(tier.localID) bears a parent's name"
            )
        }
        XCTAssertGreaterThan(children, 10_000)
        XCTAssertGreaterThan(withTwoParents, children / 2)
    }

    func testFamiliesHaveAtMostFiveChildren() {
        var childrenByRepresentative: [Int: Int] = [:]
        for tier in tiers {
            if let representative = tier.relations.first(where: { $0.kind == .legalRepresentative }) {
                childrenByRepresentative[representative.relatedLocalID, default: 0] += 1
            }
        }
        XCTAssertFalse(childrenByRepresentative.isEmpty)
        XCTAssert(childrenByRepresentative.values.allSatisfy { (1...5).contains($0) })
    }

    func testOnlyPersonsRepresentedAndOnlyOrganisationsManaged() {
        for tier in tiers {
            for relation in tier.relations {
                switch relation.kind {
                case .manager: XCTAssertEqual(tier.kind, .organisation)
                case .legalRepresentative, .parent: XCTAssertEqual(tier.kind, .person)
                }
            }
        }
    }
}
