import GRDB
import SIMSModel

/// `guichet bench intake`'s baseline: the rows of the dossiers just submitted, inserted again into
/// the same table (its indexes and the dashboard's tallies), one transaction each, without facts,
/// events or row digests, on a plain connection whose `sims_attest` does nothing, as any SQLite
/// client would write.
///
/// ```swift
/// let baseline = try PlainDossierInserts(store: store, lastSubmitted: 2_000)
/// let milliseconds = try BenchMeasure.milliseconds { try baseline.insert() }
/// ```
package struct PlainDossierInserts {
    /// The submitted dossiers' rows, newest first.
    private let rows: [Row]
    /// The plain connection, open on the store's file.
    private let raw: DatabaseQueue

    /// Reads the `count` last submitted dossiers of `store` and opens the plain connection.
    package init(store: SIMSStore, lastSubmitted count: Int) throws {
        rows = try store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dossier WHERE state = 'depose' ORDER BY id DESC LIMIT ?", arguments: [count])
        }
        var plain = Configuration()
        plain.busyMode = .timeout(10)
        raw = try DatabaseQueue(path: store.path, configuration: plain)
        try raw.inDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            db.add(function: DatabaseFunction("sims_attest", argumentCount: nil, pure: false) { _ in nil })
        }
    }

    /// Inserts a copy of each row (its number and tracking code prefixed with « X »), one
    /// transaction each.
    package func insert() throws {
        for row in rows {
            try raw.write { db in
                try db.execute(sql: """
                    INSERT INTO dossier (number, tracking_code, procedure_code, procedure_title, applicant_id,
                        applicant_version, beneficiary_id, beneficiary_version, state, answers, created_by, created_at,
                        updated_at, submitted_at, due_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'depose', ?, ?, ?, ?, ?, ?)
                    """, arguments: ["X" + (row["number"] as String), "X" + (row["tracking_code"] as String),
                                     row["procedure_code"], row["procedure_title"], row["applicant_id"],
                                     row["applicant_version"], row["beneficiary_id"], row["beneficiary_version"],
                                     row["answers"], row["created_by"], row["created_at"], row["updated_at"],
                                     row["submitted_at"], row["due_on"]])
            }
        }
    }
}
