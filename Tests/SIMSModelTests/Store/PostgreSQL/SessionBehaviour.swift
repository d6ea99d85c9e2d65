import Foundation
import SIMSModel
import SIMSTestSupport
import XCTest

/// What the store seam promises the services, asserted the same way on each engine
/// (``SQLiteSessionBehaviourTests``, ``PostgresSessionBehaviourTests``).
enum SessionBehaviour {
    struct Refused: Error {}

    /// A table of items: an id the engine numbers, a name, an amount, a blob and an integer.
    static func makeItems(_ engine: StoreEngineUnderTest) throws {
        try engine.write { db in
            try db.execute(sql: """
                CREATE TABLE item (\(engine.idColumn), name TEXT, amount \(engine.realType), data \(engine.blobType), n BIGINT)
                """)
        }
    }

    static func executeAndFetch(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        try engine.write { db in
            try db.execute(sql: "INSERT INTO item (name, amount, n) VALUES (?, ?, ?)", arguments: ["Wamytan", 12.5, 3])
            try db.execute(sql: "INSERT INTO item (name, amount, n) VALUES (?, ?, ?)", arguments: ["Gorodey", 7.25, 4])
        }
        let rows = try engine.read { db in try StoreRow.fetchAll(db, sql: "SELECT name, amount, n FROM item ORDER BY n") }
        XCTAssertEqual(rows.map { $0["name"] as String }, ["Wamytan", "Gorodey"], engine.name)
        XCTAssertEqual(rows.map { $0["amount"] as Double }, [12.5, 7.25], engine.name)
        XCTAssertEqual(rows.map { $0["N"] as Int }, [3, 4], "\(engine.name): column names are case-insensitive")
        XCTAssertEqual(try engine.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item WHERE amount > ?", arguments: [10]) },
                       1, engine.name)
        XCTAssertEqual(try engine.read { db in try Int.fetchOne(db, sql: "SELECT sum(n) FROM item") }, 7, engine.name)
        XCTAssertEqual(try engine.read { db in try String.fetchAll(db, sql: "SELECT name FROM item WHERE n IN (?, ?) ORDER BY name",
                                                                   arguments: [3, 4]) },
                       ["Gorodey", "Wamytan"], engine.name)
    }

    static func placeholdersInsideLiteralsAreText(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        let row = try engine.write { db -> StoreRow? in
            try db.execute(sql: "INSERT INTO item (name, n) VALUES ('où ? quand ?', ?) -- et ce « ? » aussi", arguments: [1])
            return try StoreRow.fetchOne(db, sql: """
                SELECT name, 'pourquoi ?' AS question, /* ? */ n + ? AS "total?" FROM item WHERE name = ?
                """, arguments: [10, "où ? quand ?"])
        }
        XCTAssertEqual(row?["name"] as String?, "où ? quand ?", engine.name)
        XCTAssertEqual(row?["question"] as String?, "pourquoi ?", engine.name)
        XCTAssertEqual(row?["total?"] as Int?, 11, engine.name)
    }

    static func scriptsRunEveryStatement(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        try engine.write { db in
            try db.execute(sql: """
                INSERT INTO item (name, n) VALUES ('un ; deux', 1);
                -- a comment; with a semicolon
                INSERT INTO item (name, n) VALUES ('trois', 2);
                """)
        }
        XCTAssertEqual(try engine.read { db in try String.fetchAll(db, sql: "SELECT name FROM item ORDER BY n") },
                       ["un ; deux", "trois"], engine.name)
    }

    static func nullsBlobsAndExtremes(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        let blob = Data([0, 1, 2, 0x7F, 0x80, 0xFF, 0])
        try engine.write { db in
            try db.execute(sql: "INSERT INTO item (name, amount, data, n) VALUES (?, ?, ?, ?)", arguments: [nil, nil, blob, Int64.min])
            try db.execute(sql: "INSERT INTO item (name, amount, data, n) VALUES (?, ?, ?, ?)",
                           arguments: ["max", -1e300, Data(), Int64.max])
        }
        let rows = try engine.read { db in try StoreRow.fetchAll(db, sql: "SELECT name, amount, data, n FROM item ORDER BY id") }
        XCTAssertEqual(rows.count, 2, engine.name)
        XCTAssertNil(rows[0]["name"] as String?, engine.name)
        XCTAssertTrue(rows[0].storeValue("amount").isNull, engine.name)
        XCTAssertEqual(rows[0]["data"] as Data?, blob, engine.name)
        XCTAssertEqual(rows[0]["n"] as Int64, Int64.min, engine.name)
        XCTAssertEqual(rows[1]["amount"] as Double, -1e300, engine.name)
        XCTAssertEqual(rows[1].storeValue("data"), .blob(Data()), "\(engine.name): an empty blob is not NULL")
        XCTAssertEqual(rows[1]["n"] as Int64, Int64.max, engine.name)
        XCTAssertEqual(try engine.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item WHERE name IS NULL") }, 1,
                       engine.name)
        XCTAssertEqual(try engine.read { db in try Int64.fetchOne(db, sql: "SELECT n FROM item WHERE n = ?", arguments: [Int64.max]) },
                       Int64.max, engine.name)
    }

    static func thrownErrorRollsBack(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        XCTAssertThrowsError(try engine.write { db in
            try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: ["à moitié"])
            throw Refused()
        }, engine.name) { XCTAssertTrue($0 is Refused, "\(engine.name): the service's own error comes back, got \($0)") }
        XCTAssertEqual(try engine.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }, 0,
                       "\(engine.name): nothing half-written")
        // The store goes on after a rollback.
        try engine.write { db in try db.execute(sql: "INSERT INTO item (name) VALUES (?)", arguments: ["ensuite"]) }
        XCTAssertEqual(try engine.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM item") }, 1, engine.name)
    }

    static func changesAndInsertedIDs(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        try engine.write { db in
            try db.execute(sql: "INSERT INTO item (name, n) VALUES (?, ?)", arguments: ["a", 1])
            let first = try db.lastInsertedRowID
            XCTAssertEqual(db.changesCount, 1, engine.name)
            try db.execute(sql: "INSERT INTO item (name, n) VALUES (?, ?)", arguments: ["b", 2])
            try db.execute(sql: "INSERT INTO item (name, n) VALUES (?, ?)", arguments: ["c", 3])
            let last = try db.lastInsertedRowID
            XCTAssertEqual(last, first + 2, engine.name)
            XCTAssertEqual(try Int64.fetchOne(db, sql: "SELECT id FROM item WHERE name = 'c'"), last, engine.name)
            try db.execute(sql: "UPDATE item SET name = 'z' WHERE n >= ?", arguments: [2])
            XCTAssertEqual(db.changesCount, 2, engine.name)
            _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM item")
            XCTAssertEqual(db.changesCount, 2, "\(engine.name): a read leaves the count of the last change")
            try db.execute(sql: "DELETE FROM item")
            XCTAssertEqual(db.changesCount, 3, engine.name)
        }
    }

    static func cursorsAndCachedStatements(_ engine: StoreEngineUnderTest) throws {
        try makeItems(engine)
        try engine.write { db in
            let insert = try db.cachedStatement(sql: "INSERT INTO item (name, n) VALUES (?, ?)")
            for (name, n) in [("un", 1), ("deux", 2), ("trois", 3)] {
                try insert.execute(arguments: [name, n])
            }
            XCTAssertTrue(try db.cachedStatement(sql: "INSERT INTO item (name, n) VALUES (?, ?)").sql == insert.sql, engine.name)
            let byN = try db.cachedStatement(sql: "SELECT name FROM item WHERE n >= ? ORDER BY n")
            XCTAssertEqual(try String.fetchAll(byN, arguments: [2]), ["deux", "trois"], engine.name)
            XCTAssertEqual(try String.fetchAll(byN, arguments: [3]), ["trois"], engine.name)
        }
        let names = try engine.read { db -> [String] in
            let cursor = try StoreRow.fetchCursor(db, sql: "SELECT name FROM item ORDER BY n")
            var names: [String] = []
            while let row = try cursor.next() { names.append(row["name"]) }
            XCTAssertNil(try cursor.next(), engine.name)
            return names
        }
        XCTAssertEqual(names, ["un", "deux", "trois"], engine.name)
        XCTAssertTrue(try engine.read { db in try db.tableExists("item") }, engine.name)
        XCTAssertFalse(try engine.read { db in try db.tableExists("absente") }, engine.name)
    }
}
