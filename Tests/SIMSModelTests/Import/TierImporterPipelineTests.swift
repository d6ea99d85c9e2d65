import Foundation
import GRDB
import Synchronization
import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// The import prepares lines on one thread and writes on another, in chunks and token runs:
/// files longer than a chunk must come out exactly as the simple path would write them.
final class TierImporterPipelineTests: XCTestCase {
    func testALongFileIsImportedWholeWithItsTokensAndBadLinesKeepTheirNumbers() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = t.directory + "/demo.csv"
        try DemoCSVWriter.write(count: 3000, seed: 5, to: path)
        // Spoil two lines far past the first chunk.
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines[1500].hasPrefix("personne,") || lines[1500].hasPrefix("organisation,"))
        lines[1500] = "chose" + String(lines[1500].drop(while: { $0 != "," }))
        lines[2700] = lines[2700].replacingOccurrences(of: "/19", with: "/18") .replacingOccurrences(of: "/20", with: "/18")
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

        let report = try TierImporter(store: t.store).importTiers(path: path, by: t.admin)
        let rejects = try String(contentsOfFile: report.rejectsPath, encoding: .utf8)
        XCTAssertTrue(rejects.contains("\n1501,type « chose » inconnu"), rejects)
        XCTAssertEqual(report.imported + report.rejected, 3000)
        XCTAssertEqual(try t.store.summary().persons + t.store.summary().organisations, report.imported)

        // Every tier's index rows are exactly its tokens, as the counter's own writes make them.
        try t.store.sqlitePool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, search_tokens FROM tier")
            var expected = 0
            for row in rows {
                let id: Int64 = row["id"]
                let tokens = (row["search_tokens"] as String).split(separator: " ").map(String.init)
                expected += tokens.count
                let indexed = try String.fetchAll(db, sql: "SELECT token FROM search_token WHERE tier_id = ?", arguments: [id])
                XCTAssertEqual(Set(indexed), Set(tokens), "tier \(id)")
            }
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_token"), expected)
            let factRecords = try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_record")
            XCTAssertEqual(factRecords, rows.count)
        }
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
        // The page cache of the writer is back to its usual size.
        let cache = try t.store.sqlitePool.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") }
        XCTAssertNotEqual(cache, SQLiteBulkTierRows.bulkCacheSize)
    }

    func testAnImportStoppedMidwayKeepsItsCommittedPartsSearchableAndARerunSaysWhatWasImported() throws {
        let t = try TestStore()
        defer { t.remove() }
        try t.store.sqlitePool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER fail_late BEFORE INSERT ON tier WHEN (SELECT count(*) FROM tier) >= 2000
                BEGIN SELECT RAISE(ABORT, 'disque plein'); END
                """)
        }
        let path = t.directory + "/demo.csv"
        try DemoCSVWriter.write(count: 3000, seed: 6, to: path)
        var importer = TierImporter(store: t.store)
        importer.partDuration = .milliseconds(0)   // one chunk a part
        XCTAssertThrowsError(try importer.importTiers(path: path, by: t.admin))
        let (tiers, parts, unindexed) = try t.store.sqlitePool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE kind = ? AND json_extract(payload, '$.termine') = 'non'",
                              arguments: [EventKind.tiersImported.rawValue]) ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM tier WHERE id NOT IN (SELECT tier_id FROM search_token)") ?? 0)
        }
        XCTAssertGreaterThan(tiers, 0, "the parts before the failure are committed")
        XCTAssertLessThan(tiers, 2000)
        XCTAssertGreaterThan(parts, 1)
        XCTAssertEqual(unindexed, 0, "every tier committed is in the search index with it")
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
        XCTAssertThrowsError(try TierImporter(store: t.store).importTiers(path: path, by: t.admin)) {
            XCTAssertTrue("\($0)".contains("a été interrompu : \(tiers) tiers importés en \(parts) partie(s)"), "\($0)")
            XCTAssertTrue("\($0)".contains("Ils sont dans la base. Rien n'a été importé"), "\($0)")
        }
    }

    func testACounterWriteDuringAnImportIsDoneBetweenTwoPartsWithoutALockError() throws {
        let t = try TestStore()
        defer { t.remove() }
        let path = t.directory + "/demo.csv"
        try DemoCSVWriter.write(count: 4_000, seed: 7, to: path)
        // Another process's connection: SQLite's lock, not this pool's queue, is between them.
        let counter = try SIMSStore.open(path: t.path)
        var parted = TierImporter(store: t.store)
        parted.partDuration = .milliseconds(20)
        let importer = parted
        let admin = t.admin
        let importing = DispatchSemaphore(value: 0)
        let result = Mutex<Result<ImportReport, any Error>?>(nil)
        Thread.detachNewThread {
            let outcome = Result { try importer.importTiers(path: path, by: admin) }
            result.withLock { $0 = outcome }
            importing.signal()
        }
        // Once the first part is in, the counter creates records while the import goes on.
        var created: [Int64] = []
        while try counter.sqlitePool.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier") ?? 0 }) == 0 {
            usleep(1_000)
        }
        while result.withLock({ $0 }) == nil {
            let n = created.count
            let date = String(format: "%02d/%02d/%04d", 1 + n % 28, 1 + (n / 28) % 12, 1940 + n / 336)
            let tier = try TierService(store: counter).create(kind: .person, values: [
                .birthName: "Xenakis", .givenNames: "Iannis", .birthDate: date,
            ], by: t.counter)
            created.append(tier.id)
        }
        importing.wait()
        let report = try XCTUnwrap(result.withLock { $0 }).get()
        XCTAssertFalse(created.isEmpty)
        // At least one record of the counter was written between two parts of the import.
        let lastPart = try XCTUnwrap(report.eventID)
        let between = try counter.sqlitePool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event WHERE kind = ? AND tier_id IN (\(created.map(String.init).joined(separator: ",")))
                AND id > (SELECT min(id) FROM event WHERE kind = ?) AND id < ?
                """, arguments: [EventKind.tierCreated.rawValue, EventKind.tiersImported.rawValue, lastPart]) ?? 0
        }
        XCTAssertGreaterThan(between, 0, "the import yields the store between its parts")
        XCTAssertEqual(Set(created).count, created.count, "no record takes an id of the import's lines")
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
    }

    func testARunSortsInTheIndexOrder() {
        // Tokens sharing their first eight bytes or more, of every length around eight.
        let tokens = ["@petelo.fotofili87@live.fr", "@petelo.fotofili8@live.fr", "@petelo.f", "@petelo.", "@petelo",
                      "abcdefgh", "abcdefghi", "abcdefgg", "abcdefghh", "é", "e", "ez", "#14031985", "#1403198", "#140319850"]
        var run = SearchTokenRun()
        var expected: [(String, Int64)] = []
        for (i, token) in tokens.enumerated() {
            for id in [Int64(i % 3 + 1), Int64(7 - i % 2)] {
                run.append(token, id: id)
                expected.append((token, id))
            }
        }
        run.sort()
        expected.sort { a, b in a.0 == b.0 ? a.1 < b.1 : Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8)) }
        XCTAssertEqual((0..<run.count).map(run.token(at:)), expected.map(\.0))
        XCTAssertEqual((0..<run.count).map(run.id(at:)), expected.map(\.1))
    }

    func testTokenRunsGrowWithTheRowsHandedOut() {
        var runs = SearchTokenRuns(firstRunSize: 4, largestRunSize: 6)
        XCTAssertNil(runs.add(["b", "a"], tierID: 2))
        var run = runs.add(["b", "#1", "a", "ab", "é"], tierID: 1)
        run?.sort()
        XCTAssertEqual(run.map { r in (0..<r.count).map(r.token(at:)) }, ["#1", "a", "a", "ab", "b", "b", "é"])
        XCTAssertEqual(run.map { r in (0..<r.count).map(r.id(at:)) }, [1, 1, 2, 1, 1, 2, 1])
        XCTAssertNil(runs.flush())
        // The runs grow with the rows handed out (a quarter of them), up to the largest size.
        let letters = (0..<16).map { String(UnicodeScalar(UInt8(97 + $0))) }
        XCTAssertEqual(runs.add(letters, tierID: 3)?.count, 16)
        XCTAssertNil(runs.add(Array(letters.prefix(4)), tierID: 4))
        XCTAssertEqual(runs.add(["z"], tierID: 4)?.count, 5)
        XCTAssertNil(runs.add(Array(letters.prefix(5)), tierID: 5))
        XCTAssertEqual(runs.add(["z"], tierID: 5)?.count, 6)
    }
}
