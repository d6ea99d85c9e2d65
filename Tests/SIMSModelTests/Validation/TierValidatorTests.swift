import XCTest
@testable import SIMSModel

final class TierValidatorTests: XCTestCase {
    private let today = ValidationTestSupport.today

    func testFullPerson() {
        let result = TierValidator.validate(kind: .person, values: [
            .birthName: " Wamytan ", .usageName: "Dupont", .givenNames: "Léa  Marie", .sex: "féminin",
            .birthDate: "2/3/2001", .birthPlace: "Nouméa (Nouvelle-Calédonie)",
            .address: "12 rue de Sébastopol", .commune: "mont dore", .postalCode: "98810",
            .phone: "+687 75 12 34", .email: "Lea@Lagoon.NC", .cafat: "123 456",
        ], today: today)
        XCTAssertEqual(result.errors, [])
        XCTAssertTrue(result.isValid)
        XCTAssertEqual(result.normalized, [
            .birthName: "Wamytan", .usageName: "Dupont", .givenNames: "Léa Marie", .sex: "F",
            .birthDate: "2001-03-02", .birthPlace: "Nouméa (Nouvelle-Calédonie)",
            .address: "12 rue de Sébastopol", .commune: "Mont-Dore", .postalCode: "98810",
            .phone: "751234", .email: "Lea@lagoon.nc", .cafat: "123456",
        ])
    }

    func testFullOrganisation() {
        let result = TierValidator.validate(kind: .organisation, values: [
            .companyName: "Boulangerie L’Épi d’Or", .ridet: "0123456 001", .legalForm: "s.a.r.l.",
            .address: "3 route de l'Anse Vata", .commune: "NOUMEA", .postalCode: "98800",
            .phone: "25.12.34", .email: "contact@epidor.nc", .cafat: "7654321",
            // Person fields left empty (as a form would send them) are ignored.
            .birthName: "", .birthDate: "  ",
        ], today: today)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.normalized, [
            .companyName: "Boulangerie L'Épi d'Or", .ridet: "0123456.001", .legalForm: "SARL",
            .address: "3 route de l'Anse Vata", .commune: "Nouméa", .postalCode: "98800",
            .phone: "251234", .email: "contact@epidor.nc", .cafat: "7654321",
        ])
    }

    func testMissingRequiredFieldsOfAPerson() {
        let result = TierValidator.validate(kind: .person, values: [.usageName: "Dupont", .givenNames: "  "],
                                            today: today)
        XCTAssertEqual(result.errors.map(\.message), [
            "Nom de naissance : champ obligatoire.",
            "Prénoms : champ obligatoire.",
            "Date de naissance : champ obligatoire.",
        ])
        XCTAssertEqual(result.errors.map(\.field), [.birthName, .givenNames, .birthDate])
        XCTAssertEqual(result.normalized, [.usageName: "Dupont"])
        XCTAssertFalse(result.isValid)
    }

    func testMissingRequiredFieldsOfAnOrganisation() {
        let result = TierValidator.validate(kind: .organisation, values: [:], today: today)
        XCTAssertEqual(result.errors.map(\.message), [
            "Raison sociale : champ obligatoire.",
            "RIDET : champ obligatoire.",
        ])
    }

    func testFieldsOfTheOtherKindAreReported() {
        let person = TierValidator.validate(kind: .person, values: [
            .birthName: "Dupont", .givenNames: "Léa", .birthDate: "12/03/2001",
            .ridet: "0123456", .companyName: "Le Cagou",
        ], today: today)
        XCTAssertEqual(person.errors.map(\.field), [.companyName, .ridet])
        XCTAssertEqual(person.errors.first?.message,
                       "Raison sociale : ce champ ne concerne pas une personne. Videz-le ou changez le type de tiers.")
        XCTAssertNil(person.normalized[.ridet])
        XCTAssertNil(person.normalized[.companyName])

        let organisation = TierValidator.validate(kind: .organisation, values: [
            .companyName: "Le Cagou", .ridet: "0123456", .sex: "F",
        ], today: today)
        XCTAssertEqual(organisation.errors.map(\.message),
                       ["Sexe : ce champ ne concerne pas une organisation. Videz-le ou changez le type de tiers."])
    }

    func testErrorsComeInFieldOrderAndInvalidValuesAreLeftOut() {
        let result = TierValidator.validate(kind: .person, values: [
            .email: "lea", .birthName: "Dupont1", .phone: "12", .birthDate: "31/02/2001", .givenNames: "Léa",
        ], today: today)
        XCTAssertEqual(result.errors.map(\.field), [.birthName, .birthDate, .phone, .email])
        XCTAssertEqual(result.normalized, [.givenNames: "Léa"])
        XCTAssertEqual(result.errors(for: .birthDate).count, 1)
        XCTAssertTrue(result.errors(for: .birthDate)[0].message.contains("31/02/2001 n'existe pas"))
    }

    func testCommuneAndPostalCodeAreCrossChecked() {
        let base: [TierField: String] = [.birthName: "Dupont", .givenNames: "Léa", .birthDate: "12/03/2001"]
        var values = base
        values[.commune] = "Dumbéa"
        values[.postalCode] = "98800"
        values[.phone] = "0"
        let result = TierValidator.validate(kind: .person, values: values, today: today)
        XCTAssertEqual(result.errors.map(\.field), [.postalCode, .phone])
        XCTAssertTrue(result.errors[0].message.hasPrefix("Code postal : 98800 n'est pas un code de Dumbéa"))

        values = base
        values[.commune] = "Dumbéa"
        values[.postalCode] = "98835"
        XCTAssertTrue(TierValidator.validate(kind: .person, values: values, today: today).isValid)

        // Only the bad field is reported when one of the two is itself invalid.
        values[.postalCode] = "98850"
        XCTAssertEqual(TierValidator.validate(kind: .person, values: values, today: today).errors.count, 1)
        // Either one alone is not cross-checked.
        values = base
        values[.postalCode] = "98800"
        XCTAssertTrue(TierValidator.validate(kind: .person, values: values, today: today).isValid)
    }

    func testTheResultOfAValidationValidatesToItself() {
        let typed: [TierField: String] = [
            .birthName: "N’Diaye", .givenNames: "Awa", .sex: "f", .birthDate: "01.01.1990",
            .commune: "paita", .postalCode: "98 890", .phone: "0068799 12 34", .ridet: "",
        ]
        let first = TierValidator.validate(kind: .person, values: typed, today: today)
        XCTAssertTrue(first.isValid, "\(first.errors)")
        let second = TierValidator.validate(kind: .person, values: first.normalized, today: today)
        XCTAssertEqual(second, first)
    }
}
