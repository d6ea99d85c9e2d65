import GRDB
import SIMSModel

/// `guichet bench rgpd`'s baseline: the expired dossiers' rows deleted and their events' payloads
/// emptied, nothing else (no retention check, no chain, no row digests), in batches, on a plain
/// connection to a copy of the store whose `sims_attest` does nothing.
///
/// ```swift
/// let baseline = try PlainDossierDeletes(path: copy)
/// let milliseconds = try BenchMeasure.milliseconds { try baseline.delete(ids, batch: 500) }
/// ```
package struct PlainDossierDeletes {
    /// The plain connection, open on the copy.
    private let raw: DatabaseQueue

    /// Opens the plain connection on the store file at `path`, foreign keys off.
    package init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = false
        raw = try DatabaseQueue(path: path, configuration: configuration)
        try raw.inDatabase { db in
            db.add(function: DatabaseFunction("sims_attest", argumentCount: nil, pure: false) { _ in nil })
        }
    }

    /// Deletes the dossiers `ids` with their notes, pieces and documents' links, and empties their
    /// events' payloads, `batch` dossiers a transaction.
    package func delete(_ ids: [Int64], batch: Int) throws {
        var start = 0
        while start < ids.count {
            let slice = ids[start..<min(start + batch, ids.count)]
            try raw.write { db in
                for id in slice {
                    for sql in ["DELETE FROM dossier_note WHERE dossier_id = ?", "DELETE FROM dossier_piece WHERE dossier_id = ?",
                                "DELETE FROM dossier_document WHERE dossier_id = ?",
                                "UPDATE event SET payload = '', tier_id = NULL WHERE dossier_id = ?",
                                "DELETE FROM dossier WHERE id = ?"] {
                        try db.cachedStatement(sql: sql).execute(arguments: [id])
                    }
                }
            }
            start += slice.count
        }
    }

    /// Closes the connection.
    package func close() throws { try raw.close() }
}
