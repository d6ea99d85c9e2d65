import XCTest
@testable import SIMSModel

final class CommuneRuleTests: XCTestCase {
    func testTableHoldsTheFourteenCommunesOfTheProvinceSud() {
        let names = ProvinceSudCommune.all.map(\.name)
        XCTAssertEqual(names.count, 14)
        XCTAssertEqual(Set(names).count, 14)
        for name in ["Nouméa", "Dumbéa", "Mont-Dore", "Païta", "Bourail", "La Foa", "Boulouparis", "Thio",
                     "Yaté", "Île des Pins", "Farino", "Moindou", "Sarraméa", "Poya"] {
            XCTAssertTrue(names.contains(name), name)
        }
        for commune in ProvinceSudCommune.all {
            XCTAssertFalse(commune.postalCodes.isEmpty, commune.name)
            XCTAssertTrue(commune.postalCodes.allSatisfy { $0.count == 5 && $0.hasPrefix("988") }, commune.name)
            XCTAssertTrue(commune.inseeCode.hasPrefix("988"), commune.name)
            XCTAssertGreaterThan(commune.population2019, 0, commune.name)
        }
        // The Province Sud had about 203,000 inhabitants in 2019.
        let total = ProvinceSudCommune.all.map(\.population2019).reduce(0, +)
        XCTAssertTrue((195_000...210_000).contains(total), "\(total)")
    }

    func testKnownPostalCodes() {
        XCTAssertEqual(ProvinceSudCommune.named("Thio")?.postalCodes, ["98829"])
        XCTAssertEqual(ProvinceSudCommune.named("Mont-Dore")?.postalCodes.sorted(), ["98809", "98810"])
        XCTAssertEqual(ProvinceSudCommune.withPostalCode("98800").map(\.name), ["Nouméa"])
        XCTAssertEqual(ProvinceSudCommune.withPostalCode("98880").map(\.name).sorted(), ["La Foa", "Sarraméa"])
        XCTAssertTrue(ProvinceSudCommune.withPostalCode("98850").isEmpty, "Koumac is in the Province Nord")
    }

    func testCommunesAreMatchedLooselyAndStoredOfficially() {
        let cases = ["noumea": "Nouméa", "NOUMÉA": "Nouméa", "ILE DES PINS": "Île des Pins",
                     "Ile-des-Pins": "Île des Pins", "l'île des pins": "Île des Pins",
                     "mont dore": "Mont-Dore", "Le Mont-Dore": "Mont-Dore", "paita": "Païta",
                     "  la   foa ": "La Foa", "Bouloupari": "Boulouparis", "yate": "Yaté",
                     "SARRAMEA": "Sarraméa", "Dumbéa": "Dumbéa"]
        for (typed, official) in cases {
            XCTAssertEqual(ValidationTestSupport.accepted(typed, .commune), official, typed)
        }
    }

    func testUnknownCommunesAreRefused() {
        ValidationTestSupport.refused("Koné", .commune,
                                      mentions: ["« Koné » n'est pas une commune de la Province Sud",
                                                 "Saisissez une commune de la Province Sud : Boulouparis", "Nouméa", "Yaté"])
        ValidationTestSupport.refused("Paris", .commune, mentions: ["n'est pas une commune"])
    }

    func testCloseMisspellingsGetASuggestion() {
        ValidationTestSupport.refused("Noumae", .commune, mentions: ["Vouliez-vous dire « Nouméa » ?"])
        ValidationTestSupport.refused("Bourai", .commune, mentions: ["Vouliez-vous dire « Bourail » ?"])
        let far = ValidationTestSupport.refused("Koumac", .commune)
        XCTAssertFalse(far?.message.contains("Vouliez-vous dire") ?? true)
    }

    func testPostalCodes() {
        XCTAssertEqual(ValidationTestSupport.accepted("98800", .postalCode), "98800")
        XCTAssertEqual(ValidationTestSupport.accepted("98 829", .postalCode), "98829")
        for code in ProvinceSudCommune.allPostalCodes {
            XCTAssertEqual(ValidationTestSupport.accepted(code, .postalCode), code)
        }
        ValidationTestSupport.refused("9880", .postalCode, mentions: ["5 chiffres", "98800"])
        ValidationTestSupport.refused("98A00", .postalCode, mentions: ["5 chiffres"])
        ValidationTestSupport.refused("98850", .postalCode,
                                      mentions: ["Code postal : 98850 inconnu en Province Sud",
                                                 "Saisissez celui de la commune", "98800 (Nouméa)"])
        ValidationTestSupport.refused("75001", .postalCode, mentions: ["Province Sud"])
    }

    func testCrossCheckOfCommuneAndPostalCode() {
        XCTAssertNil(CommuneRule.checkCommune("Nouméa", postalCode: "98800"))
        XCTAssertNil(CommuneRule.checkCommune("mont dore", postalCode: "98810"))
        XCTAssertNil(CommuneRule.checkCommune("Sarraméa", postalCode: "98880"))
        XCTAssertNil(CommuneRule.checkCommune("Atlantide", postalCode: "98800"), "unknown commune: its own rule reports it")
        XCTAssertNil(CommuneRule.checkCommune("Nouméa", postalCode: "12345"), "unknown code: its own rule reports it")

        let error = FieldValidator.checkCommune("Dumbéa", postalCode: "98800")
        XCTAssertEqual(error?.field, .postalCode)
        XCTAssertEqual(error?.message, "Code postal : 98800 n'est pas un code de Dumbéa (c'est celui de "
            + "Nouméa). Codes de Dumbéa : 98830, 98835, 98837 ou 98839. Corrigez le code postal ou la commune.")
        let single = CommuneRule.checkCommune("Bourail", postalCode: "98880")
        XCTAssertTrue(single?.message.contains("Bourail a le code 98870") ?? false, single?.message ?? "nil")
        XCTAssertTrue(single?.message.contains("c'est celui de La Foa et de Sarraméa") ?? false, single?.message ?? "nil")
    }
}
