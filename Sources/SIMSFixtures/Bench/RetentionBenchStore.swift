import GRDB
import SIMSModel

/// What `guichet bench rgpd` reads of its store before the purge: the day the purge is run, and
/// the persons whose record the counter agent opens meanwhile.
package enum RetentionBenchStore {
    /// The day on which the `dossiers` oldest closed dossiers of the store file at `path` are past
    /// a one-year retention, and the procedure codes present.
    package static func purgeDay(_ path: String, dossiers: Int) throws -> (CalendarDate, [String]) {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            guard let decided = try String.fetchOne(db, sql: """
                SELECT decided_at FROM dossier WHERE state IN ('accepte', 'refuse', 'sans_suite') AND decided_at IS NOT NULL
                ORDER BY decided_at, id LIMIT 1 OFFSET ?
                """, arguments: [max(dossiers - 1, 0)]), let term = RetentionTerm(decidedAt: decided, years: 1) else {
                throw ValidationError(field: nil, message: "La base de mesure n'a pas \(dossiers) dossiers clos : augmentez --total.")
            }
            let codes = try String.fetchAll(db, sql: "SELECT DISTINCT procedure_code FROM dossier")
            // The day after the last day kept of the N-th oldest: it and those decided before are due.
            return (term.until.adding(days: 1), codes)
        }
    }

    /// Persons of the store whose record the counter agent opens, spread over the table.
    package static func sampleTierIDs(_ store: SIMSStore, count: Int) throws -> [Int64] {
        try store.sqlitePool.read { db in
            let persons = try Int.fetchOne(db, sql: "SELECT count(*) FROM tier WHERE kind = 'personne'") ?? 0
            return try Int64.fetchAll(db, sql: """
                SELECT id FROM tier WHERE kind = 'personne' AND id % ? = 0 ORDER BY id LIMIT ?
                """, arguments: [max(persons / max(count, 1), 1), count])
        }
    }
}
