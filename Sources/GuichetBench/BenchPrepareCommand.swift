import ArgumentParser
import Foundation
import GRDB
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench prepare`: builds a benchmark store (demo tiers and the FTS5 baseline table) in
/// a child process, so that the measuring process's peak memory is the search's own.
struct BenchPrepareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prepare", abstract: "Prépare une base de mesure (utilisé par bench search).", shouldDisplay: false)

    @OptionGroup var store: StoreOptions
    @Option(name: .long) var tiers: Int
    @Option(name: .long) var seed: UInt64 = 1

    func run() throws {
        try CommandFailure.guarded {
            let opened = try store.open(create: true)
            let login = LoginResolver.current(environment: store.environment)
            let agents = AgentService(store: opened)
            let admin = try agents.list().isEmpty ? try agents.initialise(login: login, fullName: login)
                                                  : try agents.authenticate(login: login)
            try DemoLoader(store: opened).load(count: tiers, seed: seed, by: admin)
            try opened.pool.write { db in
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE bench_fts USING fts5(names, ids, tokenize = 'unicode61 remove_diacritics 2');
                    INSERT INTO bench_fts (rowid, names, ids)
                    SELECT id, display_name,
                           coalesce(substr(birth_date, 9, 2) || substr(birth_date, 6, 2) || substr(birth_date, 1, 4), '')
                           || ' ' || coalesce(replace(ridet, '.', ''), '') || ' ' || coalesce(phone, '') || ' '
                           || coalesce(cafat, '') || ' ' || coalesce(email, '')
                    FROM tier;
                    """)
            }
            try opened.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }
}
