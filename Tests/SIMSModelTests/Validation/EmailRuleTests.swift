import XCTest
@testable import SIMSModel

final class EmailRuleTests: XCTestCase {
    private let field = TierField.email

    func testDomainIsLowercasedAndLocalPartKept() {
        XCTAssertEqual(ValidationTestSupport.accepted("Marie.Dupont@Province-Sud.NC", field),
                       "Marie.Dupont@province-sud.nc")
        XCTAssertEqual(ValidationTestSupport.accepted(" jean+guichet@mail.example.com ", field),
                       "jean+guichet@mail.example.com")
        XCTAssertEqual(ValidationTestSupport.accepted("o'neil_99@lagoon.nc", field), "o'neil_99@lagoon.nc")
        XCTAssertEqual(ValidationTestSupport.accepted("léa@café.nc", field), "léa@café.nc")
    }

    func testRefusedAddresses() {
        let cases: [(String, String)] = [
            ("marie.dupont", "il manque le @"),
            ("marie@@lagoon.nc", "plusieurs @"),
            ("marie@dupont@lagoon.nc", "plusieurs @"),
            ("@lagoon.nc", "avant le @"),
            ("marie@", "après le @"),
            ("marie dupont@lagoon.nc", "une espace"),
            ("marie@lagoon", "doit contenir un point"),
            ("marie@lagoon.", "mal formé"),
            ("marie@.nc", "mal formé"),
            ("marie@lag..oon.nc", "mal formé"),
            ("marie@-lagoon.nc", "mal formé"),
            ("marie@lagoon.n", "extension"),
            ("marie@lagoon.123", "extension"),
            (".marie@lagoon.nc", "point mal placé"),
            ("marie.@lagoon.nc", "point mal placé"),
            ("ma..rie@lagoon.nc", "point mal placé"),
            ("ma(rie)@lagoon.nc", "caractère non admis"),
            ("ma,rie@lagoon.nc", "caractère non admis"),
            ("ma_rie@lag_oon.nc", "mal formé"),
        ]
        for (bad, reason) in cases {
            ValidationTestSupport.refused(bad, field, mentions: [reason, "nom@domaine.nc"])
        }
        ValidationTestSupport.refused(String(repeating: "a", count: 65) + "@lagoon.nc", field,
                                      mentions: ["trop longue"])
    }
}
