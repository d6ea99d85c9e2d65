import Foundation
import GRDB

/// Applies the procedures' retention: the closed dossiers (accepté, refusé, sans suite) whose
/// retention, counted from the decision, has run out are erased — answers, internal notes, the
/// pieces no other dossier or verified fact still needs (files included), the personal content of
/// their events. What remains (`erased_dossier`) says that dossier BS-2026-000123 of procedure BS
/// was decided on that date and erased on this date under its retention, nothing more.
///
/// It works in short transactions (one per `batch` dossiers, each with its `rgpd.purge` event),
/// so that counters keep working and an interrupted purge leaves each dossier whole or erased.
/// A dossier reopened meanwhile, or consulted in the last 30 minutes, is skipped and reported.
///
/// ```swift
/// let purge = RetentionPurge(store: store, retention: catalog.retentionByCode)
/// let expired = try purge.expired()
/// let report = try purge.purge(expired, by: admin)
/// ```
public struct RetentionPurge: Sendable {
    public let store: SIMSStore
    /// Each procedure's current retention in years, by code (from the procedure files).
    public let retention: [String: Int]
    /// Dossiers erased per transaction.
    public var batch = 200
    /// A dossier consulted more recently than this is left for the next purge.
    public var consultationWindow: TimeInterval = 30 * 60

    public static let closedStates = ["accepte", "refuse", "sans_suite"]

    public init(store: SIMSStore, retention: [String: Int]) {
        self.store = store
        self.retention = retention
    }

    /// The closed dossiers whose retention has run out on `today` (by default the store's today),
    /// oldest decision first; `report` counts those of unknown procedures.
    public func expired(today: CalendarDate? = nil, report: inout RetentionPurgeReport) throws -> [ExpiredDossier] {
        let today = today ?? store.clock.today()
        // No retention is shorter than a year: nothing decided within the last year can be due.
        let cutoff = today.adding(days: -365).iso
        return try store.pool.read { db in
            var found: [ExpiredDossier] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.number, d.procedure_code, d.decided_at, r.years
                FROM dossier d LEFT JOIN dossier_retention r ON r.dossier_id = d.id
                WHERE d.state IN ('accepte', 'refuse', 'sans_suite') AND d.decided_at < ?
                ORDER BY d.decided_at, d.id
                """, arguments: [cutoff])
            while let row = try rows.next() {
                let code: String = row["procedure_code"]
                let recorded: Int? = row["years"]
                guard let years = recorded ?? retention[code] else {
                    report.unknownProcedures[code, default: 0] += 1
                    continue
                }
                guard let term = RetentionTerm(decidedAt: row["decided_at"], years: years), term.hasExpired(on: today) else { continue }
                found.append(ExpiredDossier(id: row["id"], number: row["number"], procedureCode: code,
                                            decidedAt: row["decided_at"], term: term, recordedAtDecision: recorded != nil))
            }
            return found
        }
    }

    /// Erases `dossiers`, `batch` per transaction; `progress(done, total)` after each.
    public func purge(_ dossiers: [ExpiredDossier], by agent: Agent, into report: inout RetentionPurgeReport,
                      progress: (Int, Int) -> Void = { _, _ in }) throws {
        try AgentService.require(agent, .administrator, to: "appliquer les durées de conservation")
        var done = 0
        var start = 0
        while start < dossiers.count {
            let slice = Array(dossiers[start..<min(start + batch, dossiers.count)])
            var files: [(sha256: String, ext: String)] = []
            try store.write { db in
                files = try erase(db, slice, by: agent, report: &report)
            }
            report.erasedFiles += removeFiles(files)
            start += slice.count
            done += slice.count
            progress(done, dossiers.count)
        }
    }

    /// One transaction: the dossiers of `slice` still due are erased, with one `rgpd.purge` event.
    /// Returns the files no document names any more.
    private func erase(_ db: Database, _ slice: [ExpiredDossier], by agent: Agent,
                       report: inout RetentionPurgeReport) throws -> [(sha256: String, ext: String)] {
        let now = store.clock.now()
        let at = Timestamp.string(from: now)
        let recent = Timestamp.string(from: now.addingTimeInterval(-consultationWindow))
        var erasedNumbers: [String] = []
        var eventIDs: [Int64] = []
        var documents: Set<Int64> = []
        var erasedIDs: [Int64] = []
        for candidate in slice {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT number, procedure_code, procedure_title, state, submitted_at, decided_at FROM dossier WHERE id = ?
                """), arguments: [candidate.id]) else { continue }
            let state: String = row["state"]
            guard Self.closedStates.contains(state), (row["decided_at"] as String?) == candidate.decidedAt else {
                report.skipped.append("\(candidate.name) : rouvert entre-temps, conservé")
                continue
            }
            if try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM event WHERE dossier_id = ? AND kind = 'tier.consult' AND at > ?)
                """), arguments: [candidate.id, recent]) == true {
                report.skipped.append("\(candidate.name) : consulté il y a moins de 30 minutes, laissé pour la prochaine purge")
                continue
            }
            documents.formUnion(try Int64.fetchAll(db.cachedStatement(sql: "SELECT document_id FROM dossier_document WHERE dossier_id = ?"),
                                                   arguments: [candidate.id]))
            documents.formUnion(try Int64.fetchAll(db.cachedStatement(sql: """
                SELECT document_id FROM dossier_piece WHERE dossier_id = ? AND document_id IS NOT NULL
                """), arguments: [candidate.id]))
            eventIDs += try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM event WHERE dossier_id = ?"), arguments: [candidate.id])
            for sql in ["DELETE FROM dossier_note WHERE dossier_id = ?", "DELETE FROM dossier_piece WHERE dossier_id = ?",
                        "DELETE FROM dossier_document WHERE dossier_id = ?", "DELETE FROM dossier_retention WHERE dossier_id = ?",
                        "UPDATE dossier SET previous_id = NULL WHERE previous_id = ?"] {
                try db.cachedStatement(sql: sql).execute(arguments: [candidate.id])
            }
            try db.cachedStatement(sql: """
                INSERT INTO erased_dossier (id, number, procedure_code, procedure_title, state, submitted_at, decided_at,
                                            retention_years, until, erased_at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'conservation')
                """).execute(arguments: [candidate.id, row["number"] as String?, row["procedure_code"] as String,
                                         row["procedure_title"] as String, state, row["submitted_at"] as String?,
                                         candidate.decidedAt, candidate.term.years, candidate.term.until.iso, at])
            try db.cachedStatement(sql: "DELETE FROM dossier WHERE id = ?").execute(arguments: [candidate.id])
            erasedIDs.append(candidate.id)
            erasedNumbers.append(candidate.name)
            report.count(candidate)
        }
        guard !erasedIDs.isEmpty else { return [] }
        let released = try DocumentRelease.releaseUnneeded(db, documents: documents)
        eventIDs += released.eventIDs
        report.erasedDocuments += released.documents
        let erasure = try EventErasure.eraseContent(db, eventIDs: eventIDs)
        report.erasedEvents += erasure.eventIDs.count
        var payload = erasure.payload
        payload["motif"] = "conservation échue"
        payload["dossiers"] = erasedNumbers.joined(separator: ",")
        let eventID = try EventLog.append(db, kind: .retentionPurged, agentID: agent.id, tierID: nil, payload: payload, at: now)
        try erasure.record(db, erasureEventID: eventID, at: now)
        return released.files
    }

    /// Removes the files of erased documents; the count removed (a file already gone is no fault).
    private func removeFiles(_ files: [(sha256: String, ext: String)]) -> Int {
        let fileStore = DocumentFileStore(storePath: store.path)
        var removed = 0
        for file in files {
            if (try? FileManager.default.removeItem(at: fileStore.url(sha256: file.sha256, extension: file.ext))) != nil { removed += 1 }
        }
        return removed
    }
}
