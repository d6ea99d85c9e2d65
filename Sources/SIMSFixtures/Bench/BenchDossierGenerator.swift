import SIMSModel
import Foundation
import GRDB

/// Fills a benchmark store with review work: agents, a demo population of tiers, and `dossiers`
/// dossiers deposited over the last two years across the five procedures, in the states a real
/// service would show (most decided; some thousands déposés, en instruction, en attente de pièces
/// and à valider; some overdue), with their events (`dossier.submit`, `dossier.claim`,
/// `dossier.decide`).
///
/// Rows go in through prepared statements bound with SQLite's C API, a large transaction per
/// 100,000 dossiers, in deposit order (ids grow with time, as in a real store). For the load, the
/// secondary indexes of `dossier` and `event` and the dashboard's tally triggers are set aside
/// and built again afterwards from their own SQL, with the tallies recomputed by the migration's
/// backfill: the store ends with exactly the schema and the tallies the triggers would have
/// kept. Events are appended in time order (claims and decisions wait in a heap until the
/// deposits catch up with them) and chained with their hashes exactly as ``EventLog`` chains
/// them, so that `guichet check` passes on a bench store and later events (« prendre le
/// suivant ») follow on; hashing costs a few seconds for a million dossiers.
///
/// ```swift
/// let generator = BenchDossierGenerator(store: store, dossiers: 1_000_000)
/// let summary = try generator.generate(by: admin) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
/// ```
public struct BenchDossierGenerator: Sendable {
    public let store: SIMSStore
    public var dossiers: Int
    /// Demo tiers loaded first, among whom applicants are drawn.
    public var tiers: Int
    public var seed: UInt64
    /// Every dossier déposé and unassigned (the queue of « prendre le suivant »), instead of the
    /// review's mix of states.
    public var onlySubmitted: Bool
    /// Days of deposits, ending yesterday.
    public var days: Int

    public init(store: SIMSStore, dossiers: Int, tiers: Int = 50_000, seed: UInt64 = 1, onlySubmitted: Bool = false,
                days: Int = 730) {
        self.store = store
        self.dossiers = dossiers
        self.tiers = tiers
        self.seed = seed
        self.onlySubmitted = onlySubmitted
        self.days = days
    }

    /// What was written.
    public struct Summary: Sendable {
        public var dossiers = 0
        public var events = 0
        public var states: [DossierState: Int] = [:]
        /// Open dossiers whose decision is overdue on the generation day.
        public var overdue = 0
    }

    /// Loads agents and tiers, then writes the dossiers and their events.
    @discardableResult
    public func generate(now: Date = Date(), by admin: Agent, progress: (String) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        func elapsed() -> String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
        let agents = AgentService(store: store)
        var byRole: [Role: [Int64]] = [:]
        for member in BenchStaff.members {
            let agent = try agents.add(login: member.login, fullName: member.name, roles: [member.role], services: ["DPASS"], by: admin)
            byRole[member.role, default: []].append(agent.id)
        }
        try DemoLoader(store: store).load(count: tiers, seed: seed, by: admin)
        progress("\(tiers) tiers et \(BenchStaff.members.count) agents (\(elapsed()))")
        let pools = try BenchApplicantPools(store: store)
        var summary = Summary()
        try store.sqlitePool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -262144")   // 256 MiB of page cache for the bulk load
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            let firstID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM dossier") ?? 0) + 1
            let rebuilt = try Self.setAsideIndexesAndTriggers(db)
            var writer = try BenchDossierWriter(db, seed: seed, now: now, staff: byRole, pools: pools, onlySubmitted: onlySubmitted)
            let plan = BenchDepositPlan(dossiers: dossiers, days: days, now: now)
            var written = 0
            while written < dossiers {
                let batch = min(100_000, dossiers - written)
                try db.inTransaction {
                    for index in written..<(written + batch) {
                        let instant = plan.instant(index, using: &writer.random)
                        try writer.deposit(at: instant)
                    }
                    return .commit
                }
                written += batch
                progress("\(written) / \(dossiers) dossiers, \(writer.summary.events) événements (\(elapsed()))")
            }
            try db.inTransaction {
                try writer.finish()
                try Self.restore(rebuilt, db)
                try Self.attestWritten(db, fromID: firstID)
                return .commit
            }
            progress("index, déclencheurs et compteurs du tableau de bord refaits (\(elapsed()))")
            summary = writer.summary
        }
        _ = try store.sqlitePool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        return summary
    }

    /// Drops the secondary indexes of `dossier` and `event` and the dashboard's tally triggers
    /// for the bulk load, and returns their SQL as the migrations wrote it (from
    /// `sqlite_master`). Rows then go in at the end of their tables, and each index is built
    /// once, sorted, by ``restore(_:_:)``: several times faster than maintaining a dozen
    /// indexes and four tallies per row. The schema after the load is the schema before.
    static func setAsideIndexesAndTriggers(_ db: Database) throws -> [String] {
        var saved: [String] = []
        try db.inTransaction {
            let rows = try Row.fetchAll(db, sql: """
                SELECT type, name, sql FROM sqlite_master
                WHERE type IN ('index', 'trigger') AND tbl_name IN ('dossier', 'event') AND sql IS NOT NULL
                ORDER BY type, name
                """)
            for row in rows {
                try db.execute(sql: "DROP \((row["type"] as String).uppercased()) \((row["name"] as String).quotedDatabaseIdentifier)")
            }
            saved = rows.map { $0["sql"] as String }
            return .commit
        }
        return saved
    }

    /// The dossiers were written with their attestation triggers set aside: the last event written
    /// attests them all, as one bulk write.
    static func attestWritten(_ db: Database, fromID firstID: Int64) throws {
        guard let table = AttestedTable.named("dossier"),
              let row = try Row.fetchOne(db, sql: "SELECT * FROM event WHERE id = (SELECT last_event_id FROM chain_head WHERE id = 1)")
        else { return }
        let written = try AttestedRowScanner.snapshot(SQLiteSession(db), tables: [table], where: "id >= \(firstID)")
        try EventLog.attach(SQLiteSession(db), written, to: try AuditEvent(row: SQLiteSession.row(row)))
    }

    /// Builds the indexes and triggers set aside again, and recomputes the tallies the triggers
    /// would have kept, with the migration's own backfill.
    static func restore(_ sql: [String], _ db: Database) throws {
        for statement in sql { try db.execute(sql: statement) }
        let tallies = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'dossier\\_%\\_tally' ESCAPE '\\'")
        for table in tallies { try db.execute(sql: "DELETE FROM \(table.quotedDatabaseIdentifier)") }
        try db.execute(sql: DossierTallySQL.backfill)
    }
}
