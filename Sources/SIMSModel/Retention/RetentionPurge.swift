import Foundation

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
        return try store.read { db in
            var found: [ExpiredDossier] = []
            let rows = try StoreRow.fetchCursor(db, sql: """
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

    /// Erases `dossiers`, `batch` per transaction; `progress(done, total)` after each; then writes
    /// the chain's head outside the store (``ExternalAnchors``).
    ///
    /// The dossiers are taken in id order: neighbouring ids were created at the same time, so a
    /// batch's rows share the pages of the dossier table, of most of its indexes and of their
    /// events, and each transaction writes far fewer pages than the same number of dossiers
    /// taken by decision date would.
    public func purge(_ dossiers: [ExpiredDossier], by agent: Agent, into report: inout RetentionPurgeReport,
                      progress: (Int, Int) -> Void = { _, _ in }) throws {
        try AgentService.require(agent, .administrator, to: "appliquer les durées de conservation")
        let ordered = dossiers.sorted { $0.id < $1.id }
        let tuning = try RetentionPurgeConnection.widen(store)
        defer { RetentionPurgeConnection.restore(store, tuning) }
        var done = 0
        var start = 0
        while start < ordered.count {
            let slice = ordered[start..<min(start + max(batch, 1), ordered.count)]
            var files: [(sha256: String, ext: String)] = []
            try store.write { db in
                files = try erase(db, slice, by: agent, report: &report)
            }
            report.erasedFiles += DocumentRelease.removeFiles(files, storePath: store.path)
            start += slice.count
            done += slice.count
            progress(done, ordered.count)
        }
        // Each purge anchors the chain outside the store, whatever it erased.
        try ExternalAnchors.record(store, reason: .purge, now: store.clock.now())
    }

    /// One transaction: the dossiers of `slice` still due are erased, with one `rgpd.purge` event.
    /// Each step is one statement over the whole batch (listed in `retention_purge_batch`);
    /// the attestation triggers still see every row. Every statement starts from the batch and
    /// looks rows up by index (`IN (SELECT id …)`, the batch's values by scalar subqueries on its
    /// key): joined the other way, SQLite would scan a million-entry index per batch. Returns the
    /// files no document names any more.
    private func erase(_ db: any StoreSession, _ slice: ArraySlice<ExpiredDossier>, by agent: Agent,
                       report: inout RetentionPurgeReport) throws -> [(sha256: String, ext: String)] {
        let now = store.clock.now()
        let at = Timestamp.string(from: now)
        let recent = Timestamp.string(from: now.addingTimeInterval(-consultationWindow))
        try RetentionPurgeBatch.fill(db, slice)
        var due: [ExpiredDossier] = []
        var skipped: [Int64] = []
        let candidates = Dictionary(slice.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let states = try StoreRow.fetchAll(db.cachedStatement(sql: """
            SELECT d.id, d.state, d.decided_at,
                   EXISTS (SELECT 1 FROM event e WHERE e.dossier_id = d.id AND e.kind = 'tier.consult' AND e.at > ?) AS consulted
            FROM dossier d WHERE d.id IN (SELECT id FROM retention_purge_batch)
            ORDER BY d.id
            """), arguments: [recent])
        var present: Set<Int64> = []
        for row in states {
            let id: Int64 = row["id"]
            present.insert(id)
            guard let candidate = candidates[id] else { continue }
            let state: String = row["state"]
            if !Self.closedStates.contains(state) || (row["decided_at"] as String?) != candidate.decidedAt {
                report.skipped.append("\(candidate.name) : rouvert entre-temps, conservé")
                skipped.append(id)
            } else if row["consulted"] as Bool {
                report.skipped.append("\(candidate.name) : consulté il y a moins de 30 minutes, laissé pour la prochaine purge")
                skipped.append(id)
            } else {
                due.append(candidate)
            }
        }
        skipped += candidates.keys.filter { !present.contains($0) }
        try RetentionPurgeBatch.remove(db, skipped)
        guard !due.isEmpty else { return [] }

        let documents = Set(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT document_id FROM dossier_document WHERE dossier_id IN (SELECT id FROM retention_purge_batch)
            UNION SELECT document_id FROM dossier_piece
            WHERE dossier_id IN (SELECT id FROM retention_purge_batch) AND document_id IS NOT NULL
            """)))
        var eventIDs = try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT id FROM event WHERE dossier_id IN (SELECT id FROM retention_purge_batch)
            """))
        for sql in ["DELETE FROM dossier_note WHERE dossier_id IN (SELECT id FROM retention_purge_batch)",
                    "DELETE FROM dossier_piece WHERE dossier_id IN (SELECT id FROM retention_purge_batch)",
                    "DELETE FROM dossier_document WHERE dossier_id IN (SELECT id FROM retention_purge_batch)",
                    "DELETE FROM dossier_retention WHERE dossier_id IN (SELECT id FROM retention_purge_batch)",
                    "UPDATE dossier SET previous_id = NULL WHERE previous_id IN (SELECT id FROM retention_purge_batch)"] {
            try db.cachedStatement(sql: sql).execute()
        }
        try db.cachedStatement(sql: """
            INSERT INTO erased_dossier (id, number, procedure_code, procedure_title, state, submitted_at, decided_at,
                                        retention_years, until, erased_at, reason)
            SELECT d.id, d.number, d.procedure_code, d.procedure_title, d.state, d.submitted_at, d.decided_at,
                   (SELECT b.years FROM retention_purge_batch b WHERE b.id = d.id),
                   (SELECT b.until FROM retention_purge_batch b WHERE b.id = d.id), ?, 'conservation'
            FROM dossier d WHERE d.id IN (SELECT id FROM retention_purge_batch)
            ORDER BY d.id
            """).execute(arguments: [at])
        try db.cachedStatement(sql: "DELETE FROM dossier WHERE id IN (SELECT id FROM retention_purge_batch)").execute()
        for candidate in due { report.count(candidate) }

        let released = try DocumentRelease.releaseUnneeded(db, documents: documents)
        eventIDs += released.eventIDs
        report.erasedDocuments += released.documents
        let erasure = try EventErasure.eraseContent(db, eventIDs: eventIDs)
        report.erasedEvents += erasure.eventIDs.count
        var payload = erasure.payload
        payload["motif"] = "conservation échue"
        payload["dossiers"] = due.map(\.name).joined(separator: ",")
        let eventID = try EventLog.append(db, kind: .retentionPurged, agentID: agent.id, tierID: nil, payload: payload, at: now)
        try erasure.record(db, erasureEventID: eventID, at: now)
        return released.files
    }
}
