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

    func testAHouseholdMemberIsNotOfferedAsTheSamePersonAtEntry() throws {
        let t = try TestStore()
        defer { t.remove() }
        let home: [TierField: String] = [.address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"]
        let mother = try t.person("Hélène", "Wamytan", born: "14/03/1985", home)
        // Her son keyed at the same address and phone: another given name, another birth date.
        var son: [TierField: String] = [.birthName: "Wamytan", .givenNames: "Noé", .birthDate: "2015-10-10"]
        son.merge(home) { $1 }
        son[.phone] = "251234"
        XCTAssertEqual(try DuplicateFinder(store: t.store).candidates(kind: .person, values: son).map(\.hit.tierID), [])
        // She herself, keyed again with a slip, still is.
        var again: [TierField: String] = [.birthName: "Wamytan", .givenNames: "Helene", .birthDate: "1985-03-14"]
        again.merge(home) { $1 }
        again[.phone] = "251234"
        XCTAssertEqual(try DuplicateFinder(store: t.store).candidates(kind: .person, values: again).first?.hit.tierID, mother.id)
    }
}
