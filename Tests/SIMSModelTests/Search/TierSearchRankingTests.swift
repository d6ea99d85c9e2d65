import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// The ranking rules of issue 14: whole words first, then fewer unmatched name words, then the
/// first given name before later ones, then the verification level; both names of a person
/// searchable with the given names.
final class TierSearchRankingTests: XCTestCase {
    nonisolated(unsafe) static var fixture: TestStore!
    nonisolated(unsafe) static var ids: [String: Int64] = [:]

    override class func setUp() {
        super.setUp()
        do {
            let t = try TestStore()
            try DemoLoader(store: t.store).load(count: 2000, seed: 11, by: t.admin)
            let tiers = TierService(store: t.store)
            func add(_ key: String, _ values: [TierField: String], level: VerificationLevel = .declared) throws {
                let created = try tiers.create(kind: .person, values: values, by: t.counter)
                ids[key] = created.id
                if level == .checkedAgainstDocument {
                    // Levels are earned: the identity checked on an identity card of the tier.
                    let card = try DocumentService(store: t.store).register(type: .identityDocument, issuedOn: "2024-03-12",
                                                                            owners: [created.id], by: t.counter)
                    try FactVerificationService(store: t.store).verify(
                        tierID: created.id, expectedVersion: created.version,
                        fields: [.birthName, .givenNames, .birthDate], documentID: card.id, by: t.counter)
                }
            }
            // Created in the order that used to win, so that the ranking, not the id, decides.
            try add("jeanPierre", [.givenNames: "Jean-Pierre", .birthName: "Wakié", .birthDate: "01/02/1960"])
            try add("edouardPierre", [.givenNames: "Édouard Pierre", .birthName: "Wakié", .birthDate: "03/04/1961"])
            try add("pierrette", [.givenNames: "Pierrette", .birthName: "Wakié", .birthDate: "05/06/1962"])
            try add("pierre", [.givenNames: "Pierre", .birthName: "Wakié", .birthDate: "07/08/1963"])
            try add("nadegeWaia", [.givenNames: "Nadège Germaine", .birthName: "Wamytan", .usageName: "Waia",
                                   .birthDate: "09/10/1970"])
            try add("nadege", [.givenNames: "Nadège", .birthName: "Wamytan", .birthDate: "11/12/1971"])
            try add("antoineMarc", [.givenNames: "Antoine Marc", .birthName: "Ihage", .birthDate: "01/01/1980"])
            try add("marcAntoine", [.givenNames: "Marc Antoine", .birthName: "Ihage", .birthDate: "02/01/1980"])
            try add("louiseDeclared", [.givenNames: "Louise", .birthName: "Ponga", .birthDate: "03/01/1980"])
            try add("louiseVerified", [.givenNames: "Louise", .birthName: "Ponga", .birthDate: "04/01/1980"], level: .checkedAgainstDocument)
            try add("veronique", [.givenNames: "Véronique", .birthName: "Lefèvre", .usageName: "Waïa", .birthDate: "05/01/1975"])
            try add("sylvie", [.givenNames: "Sylvie", .birthName: "Tein", .usageName: "Xowie", .birthDate: "06/01/1976"])
            // The slips of the issue.
            try add("cawa", [.givenNames: "Rosine", .birthName: "Cawa", .birthDate: "07/01/1977"])
            try add("gope", [.givenNames: "Yvon", .birthName: "Gopé", .birthDate: "08/01/1978"])
            try add("wong", [.givenNames: "Lucie", .birthName: "Wong", .birthDate: "09/01/1979"])
            try add("hace", [.givenNames: "Georges", .birthName: "Hace", .birthDate: "10/01/1979"])
            try add("tran", [.givenNames: "Minh", .birthName: "Tran", .birthDate: "11/01/1979"])
            try add("moreau", [.givenNames: "Julien", .birthName: "Moreau", .birthDate: "12/01/1979"])
            try add("wea", [.givenNames: "Kiam", .birthName: "Wéa", .birthDate: "13/01/1979"])
            try add("tauhavili", [.givenNames: "Malia", .birthName: "Tauhavili", .birthDate: "14/01/1979"])
            try add("magnan", [.givenNames: "Odile", .birthName: "Magnan", .birthDate: "15/01/1979"])
            fixture = t
        } catch {
            XCTFail("fixture: \(error)")
        }
    }

    override class func tearDown() {
        fixture?.remove()
        super.tearDown()
    }

    private func ranked(_ query: String) throws -> [Int64] {
        try TierSearch(store: Self.fixture.store).search(query, limit: 20).map(\.tierID)
    }

    private func assertBefore(_ query: String, _ first: String, _ second: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let order = try ranked(query)
        let a = try XCTUnwrap(order.firstIndex(of: Self.ids[first]!), "« \(query) » should find \(first)", file: file, line: line)
        let b = try XCTUnwrap(order.firstIndex(of: Self.ids[second]!), "« \(query) » should find \(second)", file: file, line: line)
        XCTAssertLessThan(a, b, "« \(query) »: \(first) should come before \(second)", file: file, line: line)
    }

    func testTheExactNameComesBeforeCompoundAndLaterGivenNames() throws {
        XCTAssertEqual(try ranked("wakie pierre").first, Self.ids["pierre"])
        try assertBefore("wakie pierre", "pierre", "jeanPierre")
        try assertBefore("wakie pierre", "pierre", "edouardPierre")
    }

    func testWholeWordsComeBeforePrefixes() throws {
        try assertBefore("wakie pierre", "pierre", "pierrette")
        try assertBefore("wakie pierre", "jeanPierre", "pierrette")
    }

    func testFewerUnmatchedNameWordsFirst() throws {
        XCTAssertEqual(try ranked("wamytan nadège").first, Self.ids["nadege"])
        try assertBefore("wamytan nadège", "nadege", "nadegeWaia")
    }

    func testTheFirstGivenNameBeforeLaterOnes() throws {
        try assertBefore("ihage marc", "marcAntoine", "antoineMarc")
        try assertBefore("ihage antoine", "antoineMarc", "marcAntoine")
    }

    func testAVerifiedRecordBeforeADeclaredOneOtherwiseEqual() throws {
        XCTAssertEqual(try ranked("ponga louise").first, Self.ids["louiseVerified"])
        try assertBefore("louise ponga", "louiseVerified", "louiseDeclared")
    }

    func testTheUsageNameIsSearchableWithTheGivenNames() throws {
        XCTAssertEqual(try ranked("Waia Véronique").first, Self.ids["veronique"])
        XCTAssertEqual(try ranked("véronique waïa").first, Self.ids["veronique"])
        XCTAssertEqual(try ranked("Xowie Sylvie").first, Self.ids["sylvie"])
        XCTAssertEqual(try ranked("sylvie tein").first, Self.ids["sylvie"])
    }

    func testSlipsAreForgiven() throws {
        let table: [(String, String)] = [
            ("cwa rosine", "cawa"), ("rosine cwa", "cawa"),
            ("gpe yvon", "gope"), ("wng lucie", "wong"), ("ahce georges", "hace"), ("tan minh", "tran"),
            ("tan minh 11/01/1979", "tran"),
            ("tuahavli malia", "tauhavili"),         // two slips in a long name
            ("tauhavili mlaia", "tauhavili"),        // a slip in the given name
            ("moreo julien", "moreau"), ("ouéa kiam", "wea"), ("caoua rosine", "cawa"), ("manian odile", "magnan"),
        ]
        for (query, expected) in table {
            let hits = try TierSearch(store: Self.fixture.store).search(query, limit: 6)
            XCTAssertTrue(hits.prefix(5).contains { $0.tierID == Self.ids[expected]! }, "« \(query) » should find \(expected) in the first five: \(hits.map(\.displayName))")
        }
        XCTAssertEqual(try ranked("cwa rosine").first, Self.ids["cawa"])
        // A slip alone: the word it most likely stands for comes first (the register has many Cawa).
        let alone = try TierSearch(store: Self.fixture.store).search("cwa", limit: 5)
        XCTAssertTrue(alone.allSatisfy { $0.displayName.hasPrefix("CAWA ") }, "\(alone.map(\.displayName))")
    }

    func testASlipNeverRanksBeforeTheExactName() throws {
        let t = Self.fixture!
        let other = try t.person("Minh", "Tan", born: "01/03/1990")
        defer { _ = other }
        XCTAssertEqual(try ranked("tan minh").first, other.id)
        XCTAssertTrue(try ranked("tan minh").contains(Self.ids["tran"]!))
    }
}
