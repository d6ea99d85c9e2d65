import SIMSModel
import SIMSTestSupport
import XCTest

/// The register's schema on PostgreSQL: installed whole on an empty database, refused on any
/// other, recognised when opened; its triggers keep the tallies and the audit log as on SQLite.
final class PostgresSchemaTests: XCTestCase {
    private func installedStore() throws -> PostgresStore {
        let uri = try PostgresTestCluster.forTest().makeDatabase()
        try PostgresSchemaInstaller.install(PostgresStore.open(uri, requireRegister: false), registerID: "0123456789abcdef0123456789abcdef")
        return try PostgresStore.open(uri)
    }

    func testTheSchemaInstallsOnAnEmptyDatabaseWithItsMarker() throws {
        let store = try installedStore()
        let (tables, marker, identity) = try store.read { db in
            (try String.fetchAll(db, sql: "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"),
             try StoreRow.fetchOne(db, sql: "SELECT application, register, version FROM guichet_schema"),
             try String.fetchOne(db, sql: "SELECT register_id FROM register_identity WHERE id = 1"))
        }
        for table in ["agent", "tier", "event", "chain_head", "dossier", "document", "fact_record", "tier_erasure",
                      "dossier_state_tally", "search_word_variant", "register_identity", "guichet_schema"] {
            XCTAssertTrue(tables.contains(table), "\(table) missing from \(tables)")
        }
        XCTAssertEqual(tables.count, 35, "the 33 tables of SQLite's schema (less GRDB's and SQLite's bookkeeping), the marker and attest_pending")
        XCTAssertEqual(marker?["application"] as String?, "guichet")
        XCTAssertEqual(marker?["register"] as String?, "SIMS")
        XCTAssertEqual(marker?["version"] as Int?, PostgresSchema.currentVersion)
        XCTAssertEqual(identity, "0123456789abcdef0123456789abcdef")
    }

    func testAttestedRowsGetTheirOwnSaltAndIdsComeFromTheServer() throws {
        let store = try installedStore()
        let salts = try store.fixtureWrite { db -> [Data] in
            for login in ["a1", "a2"] {
                try db.execute(sql: "INSERT INTO agent (login, full_name, roles, created_at) VALUES (?, 'A', 'accueil', '2026-12-08T00:00:00Z')",
                               arguments: [login])
            }
            XCTAssertEqual(try db.lastInsertedRowID, 2, "the attestation's triggers leave lastval() alone")
            return try Data.fetchAll(db, sql: "SELECT row_salt FROM agent ORDER BY id")
        }
        XCTAssertEqual(salts.map(\.count), [16, 16])
        XCTAssertNotEqual(salts[0], salts[1])
    }

    func testTalliesFollowTheDossiersAsOnSQLite() throws {
        let store = try installedStore()
        try store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO agent (id, login, full_name, roles, created_at) VALUES (1, 'a', 'A', 'accueil', '2026-12-01T00:00:00Z');
                INSERT INTO tier (id, kind, version, created_at, updated_at, display_name)
                    VALUES (1, 'personne', 1, '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z', 'X');
                """)
            try db.execute(sql: """
                INSERT INTO dossier (procedure_code, procedure_title, applicant_id, applicant_version, state, answers, created_by,
                                     assignee_id, created_at, updated_at, submitted_at, due_on)
                VALUES ('AIDE', 'Aide', 1, 1, 'depose', '{}', 1, 1, ?, ?, ?, '2026-12-31')
                """, arguments: ["2026-12-01T14:00:00Z", "2026-12-01T14:00:00Z", "2026-12-01T14:00:00Z"])
            let id = try db.lastInsertedRowID
            // Decided 3 days and 23 hours later: 3 whole days, on the next New Caledonian day.
            try db.execute(sql: "UPDATE dossier SET state = 'accepte', decided_at = ? WHERE id = ?",
                           arguments: ["2026-12-05T13:00:00Z", id])
        }
        let (open, load, decided) = try store.read { db in
            (try Int.fetchOne(db, sql: "SELECT coalesce(sum(n), 0) FROM dossier_open_tally"),
             try Int.fetchOne(db, sql: "SELECT coalesce(sum(n), 0) FROM dossier_load_tally WHERE assignee_id = 1"),
             try StoreRow.fetchOne(db, sql: "SELECT decided_day, processing_days, n FROM dossier_decision_tally"))
        }
        XCTAssertEqual(open, 0)
        XCTAssertEqual(load, 0)
        XCTAssertEqual(decided?["decided_day"] as String?, "2026-12-06")
        XCTAssertEqual(decided?["processing_days"] as Int?, 3)
        XCTAssertEqual(decided?["n"] as Int?, 1)
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT n FROM dossier_state_tally WHERE state = 'accepte'") }, 1)
    }

    func testTheAuditLogOnlyGrowsAndItsContentIsOnlyErased() throws {
        let store = try installedStore()
        try store.write { db in
            for id in 1...2 {
                try db.execute(sql: """
                    INSERT INTO event (id, at, kind, tier_id, payload, prev_hash, hash, content_salt)
                    VALUES (?, '2026-12-08T00:00:00Z', 'tier_created', 7, '{"nom":"X"}', 'p', 'h', 's')
                    """, arguments: [id])
            }
            try db.execute(sql: "INSERT INTO chain_head (id, last_event_id, last_hash) VALUES (1, 2, 'h')")
        }
        for (statement, what) in [("DELETE FROM event WHERE id = 1", "ne se supprime pas"),
                                  ("TRUNCATE event", "ne se supprime pas"),
                                  ("UPDATE event SET kind = 'autre' WHERE id = 1", "ne se modifie pas"),
                                  ("UPDATE event SET payload = '{}' WHERE id = 1", "ne peut être qu'effacé"),
                                  ("UPDATE event SET hash = 'x' WHERE id = 1", "seul le dernier événement"),
                                  ("UPDATE chain_head SET last_event_id = 1", "ne recule")] {
            XCTAssertThrowsError(try store.write { db in try db.execute(sql: statement) }, statement) { error in
                XCTAssertTrue("\(error)".contains(what), "\(statement): \(error)")
            }
        }
        try store.write { db in
            try db.execute(sql: "UPDATE event SET payload = '', tier_id = NULL, content_salt = NULL WHERE id = 1")
            try db.execute(sql: "UPDATE event SET attestation = 'rows', hash = 'h2' WHERE id = 2")
        }
        XCTAssertEqual(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE payload = ''") }, 1)
    }

    func testAnEmptyDatabaseIsNoRegisterAndANonEmptyOneIsNotInstalledOver() throws {
        let uri = try PostgresTestCluster.forTest().makeDatabase()
        XCTAssertThrowsError(try PostgresStore.open(uri)) { error in
            XCTAssertEqual(error as? PostgresStoreError, .registerMissing(database: uri.database!))
            XCTAssertTrue("\(error)".contains("aucun registre Guichet n'y est installé"), "\(error)")
        }
        let store = try PostgresStore.open(uri, requireRegister: false)
        try store.write { db in try db.execute(sql: "CREATE TABLE commande (id bigint PRIMARY KEY); CREATE SCHEMA compta; CREATE TABLE compta.facture (id bigint)") }
        XCTAssertThrowsError(try PostgresSchemaInstaller.install(store)) { error in
            XCTAssertEqual(error as? PostgresStoreError, .databaseNotEmpty(database: uri.database!, tables: ["commande", "compta.facture"]))
            XCTAssertTrue("\(error)".contains("n'est pas vide (commande, compta.facture) : Guichet n'installe son registre que dans une base vide"),
                          "\(error)")
        }
        XCTAssertEqual(try store.read { db in try db.tableExists("agent") }, false, "nothing installed beside the other tables")
        XCTAssertThrowsError(try PostgresStore.open(uri)) { error in
            XCTAssertEqual(error as? PostgresStoreError, .foreignDatabase(database: uri.database!, tables: ["commande", "compta.facture"]))
            XCTAssertTrue("\(error)".contains("contient les tables d'une autre application (commande, compta.facture)"), "\(error)")
        }
    }

    func testARegisterOfANewerGuichetIsRefused() throws {
        let uri = try PostgresTestCluster.forTest().makeDatabase()
        try PostgresSchemaInstaller.install(PostgresStore.open(uri, requireRegister: false))
        try PostgresStore.open(uri).write { db in try db.execute(sql: "UPDATE guichet_schema SET version = 99") }
        XCTAssertThrowsError(try PostgresStore.open(uri)) { error in
            XCTAssertEqual(error as? PostgresStoreError, .newerSchema(database: uri.database!, version: 99))
            XCTAssertTrue("\(error)".contains("version plus récente de Guichet (schéma 99)"), "\(error)")
        }
    }
}
