import GRDB
import GRDBSQLite
import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

final class TierServiceTests: XCTestCase {
    func testCreatingAPersonStoresNormalisedFactsWithProvenance() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tier = try t.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "+687 25.12.34", .commune: "noumea", .postalCode: "98800"])
        XCTAssertEqual(tier.value(.birthDate), "1985-03-14")
        XCTAssertEqual(tier.value(.phone), "251234")
        XCTAssertEqual(tier.value(.commune), "Nouméa")
        XCTAssertEqual(tier.displayName, "WAMYTAN Hélène")
        let phone = try XCTUnwrap(tier.current[.phone])
        XCTAssertEqual(phone.source, .counter)
        XCTAssertEqual(phone.level, .declared)
        XCTAssertEqual(phone.agentLogin, "accueil1")
        XCTAssertEqual(tier.version, 1)
    }

    func testInvalidValuesAreRefusedWithEveryMessageAndNothingIsWritten() throws {
        let t = try TestStore()
        defer { t.remove() }
        XCTAssertThrowsError(try t.person("Jean", "Dupont", born: "31/02/2001", [.phone: "12"])) { error in
            let failed = error as? TierValidationFailed
            XCTAssertEqual(Set(failed?.errors.compactMap(\.field) ?? []), [.birthDate, .phone])
            XCTAssertTrue("\(error)".contains("31/02/2001"))
        }
        XCTAssertEqual(try t.store.summary().persons, 0)
        XCTAssertEqual(try t.store.summary().events, 2) // init and agent only
    }

    func testAnUpdateSupersedesTheFactAndKeepsTheHistory() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tiers = TierService(store: t.store)
        let created = try t.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "251234"])
        let updated = try tiers.update(id: created.id, expectedVersion: 1, changes: [.phone: "78 12 34", .email: "h.w@mail.nc"], by: t.counter)
        XCTAssertEqual(updated.version, 2)
        XCTAssertEqual(updated.value(.phone), "781234")
        XCTAssertEqual(updated.history(of: .phone).map(\.value), ["781234", "251234"])
        XCTAssertEqual(updated.value(.birthName), "Wamytan")
        let erased = try tiers.update(id: created.id, expectedVersion: 2, changes: [.email: nil], by: t.counter)
        XCTAssertNil(erased.value(.email))
        XCTAssertEqual(erased.history(of: .email).count, 2)
    }

    func testAnUnchangedValueWritesNothing() throws {
        let t = try TestStore()
        defer { t.remove() }
        let created = try t.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "251234"])
        let same = try TierService(store: t.store).update(id: created.id, expectedVersion: 1, changes: [.phone: "25.12.34"], by: t.counter)
        XCTAssertEqual(same.version, 1)
    }

    func testAStaleUpdateIsRefusedSayingWhatChangedMeanwhile() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tiers = TierService(store: t.store)
        let created = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        try tiers.update(id: created.id, expectedVersion: 1, changes: [.phone: "251234"], by: t.admin.with(roles: [.supervisor]))
        XCTAssertThrowsError(try tiers.update(id: created.id, expectedVersion: 1, changes: [.phone: "781234"], by: t.counter)) { error in
            let stale = error as? StaleTierError
            XCTAssertEqual(stale?.currentVersion, 2)
            XCTAssertEqual(stale?.changes.map(\.field), [.phone])
            XCTAssertTrue("\(error)".contains("Téléphone : « 25.12.34 » par admin"), "\(error)")
        }
        XCTAssertEqual(try tiers.snapshot(id: created.id).value(.phone), "251234")
    }

    func testChangingAVerifiedFactNeedsConfirmationAndKeepsTheOldOne() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tiers = TierService(store: t.store)
        XCTAssertThrowsError(try tiers.create(kind: .person, values: [.givenNames: "Hélène", .birthName: "Wamytan",
                                                                      .birthDate: "14/03/1985"],
                                              provenance: Provenance(source: .document, reference: "CNI", level: .checkedAgainstDocument),
                                              by: t.counter), "a level is not typed: it is earned on a document") {
            XCTAssertTrue($0 is VerificationRefusal)
        }
        let created = try tiers.create(kind: .person, values: [.givenNames: "Hélène", .birthName: "Wamytan", .birthDate: "14/03/1985"],
                                       by: t.counter)
        let card = try DocumentService(store: t.store).register(type: .identityDocument, issuedOn: "2024-03-12",
                                                                owners: [created.id], by: t.counter)
        try FactVerificationService(store: t.store).verify(tierID: created.id, expectedVersion: 1, fields: [.birthDate],
                                                           documentID: card.id, by: t.counter)
        XCTAssertThrowsError(try tiers.update(id: created.id, expectedVersion: 2, changes: [.birthDate: "15/03/1985"], by: t.counter)) { error in
            XCTAssertTrue(error is VerifiedFactChange)
            XCTAssertTrue("\(error)".contains("Date de naissance (vérifié sur pièce)"))
        }
        let changed = try tiers.update(id: created.id, expectedVersion: 2, changes: [.birthDate: "15/03/1985"],
                                       confirmingVerifiedChanges: true, by: t.counter)
        XCTAssertEqual(changed.value(.birthDate), "1985-03-15")
        XCTAssertEqual(changed.history(of: .birthDate)[1].level, .checkedAgainstDocument)
        XCTAssertEqual(changed.current[.birthDate]?.level, .declared)
    }

    func testOpeningARecordIsAConsultationEvent() throws {
        let t = try TestStore()
        defer { t.remove() }
        let created = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        _ = try TierService(store: t.store).open(id: created.id, by: t.counter)
        let row = try t.store.sqlitePool.read { db in
            try Row.fetchOne(db, sql: "SELECT kind, agent_id, tier_id FROM event ORDER BY id DESC LIMIT 1")
        }
        XCTAssertEqual(row?["kind"], EventKind.tierConsulted.rawValue)
        XCTAssertEqual(row?["agent_id"], t.counter.id)
        XCTAssertEqual(row?["tier_id"], created.id)
    }

    func testRelationsAreSeenFromBothSides() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tiers = TierService(store: t.store)
        let mother = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        let child = try t.person("Noé", "Wamytan", born: "10/10/2015")
        try tiers.relate(child.id, kind: .legalRepresentative, to: mother.id, by: t.counter)
        XCTAssertEqual(try tiers.snapshot(id: child.id).relations.map(\.otherName), ["WAMYTAN Hélène"])
        XCTAssertEqual(try tiers.snapshot(id: mother.id).inverseRelations.map(\.kind), [.legalRepresentative])
        XCTAssertThrowsError(try tiers.relate(mother.id, kind: .manager, to: child.id, by: t.counter))
    }

    func testReadOnlyRolesCannotWriteTiers() throws {
        let t = try TestStore()
        defer { t.remove() }
        XCTAssertThrowsError(try TierService(store: t.store).create(kind: .person, values: [:], by: t.admin)) { error in
            XCTAssertTrue(error is AccessError)
        }
    }

    func testTwoConnectionsLikeTwoProcessesNeverOverwriteSilently() throws {
        let t = try TestStore()
        defer { t.remove() }
        let other = try SIMSStore.open(path: t.path, clock: .fixed(TestStore.now))
        let created = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        let seenHere = try TierService(store: t.store).snapshot(id: created.id)
        let seenThere = try TierService(store: other).snapshot(id: created.id)
        try TierService(store: other).update(id: created.id, expectedVersion: seenThere.version, changes: [.phone: "251234"], by: t.counter)
        XCTAssertThrowsError(try TierService(store: t.store).update(id: created.id, expectedVersion: seenHere.version,
                                                                    changes: [.phone: "781234"], by: t.counter))
    }
}

final class TierFreshnessTests: XCTestCase {
    /// A search that stops reading early must not leave a reader on an old snapshot: a tier
    /// created afterwards is found, opened and searched at once.
    func testATierCreatedAfterTruncatedSearchesIsSeenEverywhere() throws {
        let t = try TestStore()
        defer { t.remove() }
        try DemoLoader(store: t.store).load(count: 4000, seed: 2, by: t.admin)
        var search = TierSearch(store: t.store)
        search.termCap = 50
        for query in ["m", "ma", "j", "paul", "marie", "a b"] { _ = try search.search(query) }
        let created = try t.person("Éloi", "Kaloï", born: "28/02/2001")
        XCTAssertEqual(try TierService(store: t.store).snapshot(id: created.id).displayName, "KALOÏ Éloi")
        for _ in 0..<6 {
            XCTAssertEqual(try TierSearch(store: t.store).search("eloi kaloi").first?.tierID, created.id)
        }
    }

    /// The cause of the above, checked directly: a search leaves no statement stepping, which would
    /// hold its connection on an old snapshot.
    func testASearchLeavesNoStatementOpen() throws {
        let t = try TestStore()
        defer { t.remove() }
        try DemoLoader(store: t.store).load(count: 2000, seed: 2, by: t.admin)
        var search = TierSearch(store: t.store)
        search.termCap = 50
        for query in ["m", "ma", "j", "paul", "marie", "a b", "wamytan h", "zzzz", "14/03/1985"] {
            try t.store.sqlitePool.read { db in
                _ = try search.search(SQLiteSession(db), query: SearchQuery.parse(query), limit: 20)
                var statement = sqlite3_next_stmt(db.sqliteConnection, nil)
                while let current = statement {
                    XCTAssertEqual(sqlite3_stmt_busy(current), 0, "« \(query) » left \(String(cString: sqlite3_sql(current)))")
                    statement = sqlite3_next_stmt(db.sqliteConnection, current)
                }
            }
        }
    }
}

extension Agent {
    /// The same agent with other roles (the stored account is not changed).
    func with(roles: Set<Role>) -> Agent {
        var copy = self
        copy.roles = roles
        return copy
    }
}
