import XCTest
@testable import SIMSModel

final class DuplicateFinderTests: XCTestCase {
    func testAPersonTypedAgainIsFoundByNameVariantAndBirthDate() throws {
        let t = try TestStore()
        defer { t.remove() }
        let existing = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        try t.person("Hélène", "Wamytan", born: "02/08/1960")
        let found = try DuplicateFinder(store: t.store).candidates(kind: .person,
            values: [.birthName: "Ouamytan", .givenNames: "Helene", .birthDate: "1985-03-14"])
        XCTAssertEqual(found.first?.hit.tierID, existing.id)
        XCTAssertEqual(found.first?.reason.contains("même date de naissance"), true)
        XCTAssertEqual(found.count, 1, "a namesake born in 1960 is not a likely duplicate")
    }

    func testAnOrganisationIsFoundByItsRIDET() throws {
        let t = try TestStore()
        defer { t.remove() }
        let company = try TierService(store: t.store).create(kind: .organisation,
            values: [.companyName: "Pacifique Froid", .ridet: "0123456.001", .legalForm: "SARL"], by: t.counter)
        let found = try DuplicateFinder(store: t.store).candidates(kind: .organisation, values: [.ridet: "0123456.002"])
        XCTAssertEqual(found.first?.hit.tierID, company.id)
        XCTAssertEqual(found.first?.reason, "même entreprise (RIDET), autre établissement")
    }
}
