import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// The import prepares rows from values held in slots; they must be the rows the counter's own
/// writes make from the same values.
final class PreparedTierTests: XCTestCase {
    func testSlotsFollowTheOrderOfTheFields() {
        for (index, field) in TierField.allCases.enumerated() {
            XCTAssertEqual(TierFieldSlots.index(of: field), index, "\(field)")
        }
        let values: [TierField: String] = [.birthName: "Wamytan", .email: "a@b.nc", .legalForm: "SARL"]
        XCTAssertEqual(TierFieldSlots.dictionary(TierFieldSlots.slots(values)), values)
    }

    func testPreparedRowsAreWhatTheCounterWrites() {
        var tiers = Array(DemoPopulation(count: 1500, seed: 9))
        tiers.append(DemoTier(localID: 0, kind: .person, values: [.usageName: "Gorodey", .givenNames: "Sylvie"]))
        tiers.append(DemoTier(localID: 0, kind: .person, values: [.birthName: "Kaloï", .usageName: "Kaloï", .sex: "M"]))
        tiers.append(DemoTier(localID: 0, kind: .person, values: [:]))
        tiers.append(DemoTier(localID: 0, kind: .organisation, values: [.ridet: "0123456"]))
        for tier in tiers {
            let prepared = PreparedTier(id: 1, kind: tier.kind, values: tier.values, provenance: .counter)
            let entry = SearchTokenizer.entry(kind: tier.kind, values: tier.values)
            XCTAssertEqual(prepared.displayName, TierDisplay.name(kind: tier.kind, values: tier.values))
            XCTAssertEqual(prepared.tokens, entry.tokens)
            XCTAssertEqual(prepared.searchTokens, entry.tokens.joined(separator: " "))
            XCTAssertEqual(prepared.foldedNames, entry.foldedNames.joined(separator: " "))
            XCTAssertEqual(prepared.factValues, FactValuesCoding.encode(tier.values.mapValues { Optional($0) }))
            XCTAssertEqual(Set(prepared.vocabulary), Set(entry.foldedNames.filter { $0.count >= 3 }))
        }
    }

    func testRowTextKeepsEachColumnNullEmptyOrAsWritten() {
        let values: [TierRowText.Column: String] = [.displayName: "KALOÏ Lise", .email: "", .reference: "tiers.csv:3",
                                                    .factValues: "{\"nom_naissance\":\"Kaloï\"}"]
        let text = TierRowText { values[$0] }
        for column in TierRowText.Column.allCases {
            XCTAssertEqual(text[column], values[column], "\(column)")
        }
    }

    func testValidatingSlotsGivesWhatValidatingValuesGives() {
        let today = CalendarDate(year: 2026, month: 11, day: 29)!
        let samples: [(TierKind, [TierField: String])] = [
            (.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .commune: "Dumbéa", .postalCode: "98800"]),
            (.person, [.birthName: "W4mytan", .ridet: "0123456", .birthDate: "31/02/2001"]),
            (.organisation, [.companyName: "Boulangerie", .ridet: "0123456.001", .givenNames: "  "]),
            (.organisation, [:]),
        ]
        for (kind, values) in samples {
            let byValues = TierValidator.validate(kind: kind, values: values, today: today)
            let (normalized, errors) = TierValidator.validate(kind: kind, slots: TierFieldSlots.slots(values), today: today)
            XCTAssertEqual(TierFieldSlots.dictionary(normalized), byValues.normalized)
            XCTAssertEqual(errors, byValues.errors)
        }
    }
}
