import GRDB
import XCTest
@testable import SIMSModel

final class SIMSStoreTests: XCTestCase {
    func testOpeningAMissingStoreWithoutCreateSaysHowToCreateIt() {
        let path = NSTemporaryDirectory() + "absent-\(UUID().uuidString)/sims.sqlite"
        XCTAssertThrowsError(try SIMSStore.open(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .missingStore(path: path))
            XCTAssertTrue("\(error)".contains("guichet init"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testStoreIsInWALModeWithItsSchema() throws {
        let t = try TestStore()
        defer { t.remove() }
        let mode = try t.store.sqlitePool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        let tables = try t.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["agent", "event", "fact_record", "relation", "search_token", "tier"] {
            XCTAssertTrue(tables.contains(table), "missing table \(table)")
        }
    }

    func testAStoreWrittenByANewerVersionIsRefusedUntouched() throws {
        let t = try TestStore()
        defer { t.remove() }
        try t.store.sqlitePool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
        }
        let before = try t.store.summary()
        XCTAssertThrowsError(try SIMSStore.open(path: t.path)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: t.path))
            XCTAssertTrue("\(error)".contains("version plus récente"))
        }
        XCTAssertEqual(try t.store.summary(), before)
    }

    func testAStoreOfAnOlderVersionIsBroughtUpToDateKeepingItsData() throws {
        let t = try TestStore()
        defer { t.remove() }
        try t.person("Hélène", "Wamytan", born: "14/03/1985")
        try t.store.sqlitePool.write { db in
            try db.execute(sql: "DROP TABLE draft; DELETE FROM grdb_migrations WHERE identifier = 'v2-drafts'")
        }
        let upgraded = try SIMSStore.open(path: t.path)
        let hasDrafts = try upgraded.sqlitePool.read { db in try db.tableExists("draft") }
        XCTAssertTrue(hasDrafts)
        XCTAssertEqual(try upgraded.summary().persons, 1)
    }

    func testReopeningKeepsTheData() throws {
        let t = try TestStore()
        defer { t.remove() }
        try t.person("Hélène", "Wamytan", born: "14/03/1985")
        let reopened = try SIMSStore.open(path: t.path)
        XCTAssertEqual(try reopened.summary().persons, 1)
    }

    func testLocationPrefersExplicitThenEnvironmentThenXDG() {
        XCTAssertEqual(StoreLocation.resolve(explicit: "/a.sqlite", environment: ["GUICHET_DB": "/b.sqlite"]), "/a.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: ["GUICHET_DB": "/b.sqlite"]), "/b.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x"]), "/x/guichet/sims.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/m"]), "/home/m/.local/share/guichet/sims.sqlite")
    }
}
