import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

final class TierSearchTests: XCTestCase {
    nonisolated(unsafe) static var fixture: TestStore!
    nonisolated(unsafe) static var ids: [String: Int64] = [:]

    override class func setUp() {
        super.setUp()
        do {
            let t = try TestStore()
            // Noise: a fictional population in which the people below must still come first.
            try DemoLoader(store: t.store).load(count: 3000, seed: 7, by: t.admin)
            let tiers = TierService(store: t.store)
            func add(_ key: String, _ kind: TierKind, _ values: [TierField: String]) throws {
                ids[key] = try tiers.create(kind: kind, values: values, by: t.counter).id
            }
            try add("helene", .person, [.givenNames: "Hélène Marie", .birthName: "Wamytan", .birthDate: "14/03/1985",
                                        .phone: "25 12 34", .cafat: "1234567", .email: "helene.wamytan@mail.nc"])
            try add("jerome", .person, [.givenNames: "Jérôme", .birthName: "Lefèvre", .birthDate: "02/07/1970", .phone: "78 45 12"])
            try add("nguyen", .person, [.givenNames: "Thi Lan", .birthName: "N'Guyen", .birthDate: "21/12/1990"])
            try add("married", .person, [.givenNames: "Sylvie", .birthName: "Tauhavili", .usageName: "Gorodey", .birthDate: "05/05/1980"])
            try add("boulangerie", .organisation, [.companyName: "Boulangerie du Quartier Latin", .ridet: "0123456.001", .legalForm: "SARL"])
            fixture = t
        } catch {
            XCTFail("fixture: \(error)")
        }
    }

    override class func tearDown() {
        fixture?.remove()
        super.tearDown()
    }

    private func first(_ query: String) throws -> Int64? {
        try TierSearch(store: Self.fixture.store).search(query, limit: 10).first?.tierID
    }

    func testTheMeantTierComesFirst() throws {
        let table: [(String, String)] = [
            ("helene wamytan", "helene"),
            ("wamytan hélène", "helene"),          // any order
            ("HELENE WAMYTAN", "helene"),          // case
            ("helene wamitan", "helene"),          // spelling variant
            ("hélène marie ouamytan", "helene"),   // phonetic variant
            ("helene wamtyan", "helene"),          // one typo (swap)
            ("helen wamytan 1985", "helene"),      // prefix and birth year
            ("hel wam", "helene"),                 // prefixes
            ("14/03/1985", "helene"),              // birth date
            ("25.12.34", "helene"),                // phone
            ("+687 251234", "helene"),             // phone with the country code
            ("1234567", "helene"),                 // CAFAT
            ("helene.wamytan@mail.nc", "helene"),  // e-mail
            ("jerome lefebvre", "jerome"),         // Lefèvre / Lefebvre
            ("lefevre jerome", "jerome"),
            ("nguyen thi", "nguyen"),              // N'Guyen typed without the apostrophe
            ("n'guyen lan", "nguyen"),
            ("sylvie gorodey", "married"),         // usage name
            ("sylvie tauhavili", "married"),       // birth name
            ("boulangerie quartier", "boulangerie"),
            ("0123456", "boulangerie"),            // RIDET without establishment
            ("0123456.001", "boulangerie"),
        ]
        for (query, expected) in table {
            XCTAssertEqual(try first(query), Self.ids[expected], "« \(query) » should find \(expected) first")
        }
    }

    func testSearchSyntaxCharactersAreOnlyText() throws {
        let search = TierSearch(store: Self.fixture.store)
        for query in ["\"", "*", "NEAR(", "-", "\"helene", "wamytan*", "a OR b", "(", ")", "'", "%", "_", "\\", "^", ":", "NOT",
                      "helene -wamytan", "\u{0}", "💥", "     ", "", "AND AND", "{}", "[", "é*\"(-"] {
            XCTAssertNoThrow(try search.search(query), "« \(query) »")
        }
        XCTAssertEqual(try first("helene wamytan*"), Self.ids["helene"])
        XCTAssertEqual(try first("\"helene\" \"wamytan"), Self.ids["helene"])
    }

    func testNothingFoundIsEmpty() throws {
        XCTAssertEqual(try TierSearch(store: Self.fixture.store).search("zzzzqqq xxxyyy").count, 0)
        XCTAssertEqual(try TierSearch(store: Self.fixture.store).search("").count, 0)
    }

    func testResultsCarryWhatATableShows() throws {
        let hit = try XCTUnwrap(TierSearch(store: Self.fixture.store).search("helene wamytan").first)
        XCTAssertEqual(hit.displayName, "WAMYTAN Hélène Marie")
        XCTAssertEqual(hit.birthDate, "1985-03-14")
        XCTAssertEqual(hit.kind, .person)
        XCTAssertEqual(hit.minLevel, .declared)
    }

    func testAnUpdatedNameIsFoundByItsNewNameOnly() throws {
        let t = try TestStore()
        defer { t.remove() }
        let created = try t.person("Paul", "Kaloï", born: "01/01/1990")
        try TierService(store: t.store).update(id: created.id, expectedVersion: 1, changes: [.birthName: "Pidjot"], by: t.counter)
        let search = TierSearch(store: t.store)
        XCTAssertEqual(try search.search("paul pidjot").first?.tierID, created.id)
        XCTAssertTrue(try search.search("kaloi").isEmpty, "the old name left the index")
    }

    func testQueryParsing() {
        XCTAssertEqual(SearchQuery.parse("Hélène  wamitan 14/03/1985").terms,
                       [.name("helene"), .name("wamitan"), .identifier("14031985")])
        XCTAssertEqual(SearchQuery.parse("1/3/1985").terms, [.identifier("01031985")])
        XCTAssertEqual(SearchQuery.parse("+687 25.12.34").terms, [.identifier("251234")])
        XCTAssertEqual(SearchQuery.parse("00687251234").terms, [.identifier("251234")])
        XCTAssertEqual(SearchQuery.parse("1985").terms, [.year("1985")])
        XCTAssertEqual(SearchQuery.parse("NEAR(\"a*").terms, [.name("near"), .name("a")])
    }
}
