import Foundation

/// The persons the register has no reason to keep any longer, listed for a superviseur to
/// anonymise (« Effacement » on their record) or keep (« Conserver », with a motif).
///
/// A person is listed when, on `today`:
/// - no dossier of theirs (applicant or beneficiary) is open (brouillon to à valider);
/// - every closed dossier of theirs is past its retention (the one recorded at the decision, else
///   the procedure's, counted from the decision as ``RetentionPurge`` does; a procedure no file
///   describes keeps its dossiers, and so the person);
/// - they had no activity for the ``InactivityPeriod``. Their activity is what they did with the
///   administration: their record created or changed (a fact keyed at the counter, read from a
///   piece, imported, verified, validated, written back by a dossier, a merge), a dossier of theirs
///   started, changed or decided, a piece of theirs registered, a relation to them added, their
///   request to restrict their data or to lift it. A consultation or an export by an agent is not
///   their activity: looking at a record does not keep it alive.
/// - no superviseur kept them within the inactivity period (a kept person comes back to the list
///   that long after the decision, if still inactive).
///
/// Organisations are not listed (their register data is not personal data), nor records absorbed
/// by a standing merge, nor persons already erased at their request.
///
/// ```swift
/// let review = InactiveTierReview(store: store, retention: ["BS": 10], period: try .configured())
/// let listed = try review.list(by: superviseur)
/// try review.keep(tierID: listed[0].id, motif: "Contentieux en cours", by: superviseur)
/// ```
public struct InactiveTierReview: Sendable {
    public let store: SIMSStore
    /// Each procedure's current retention in years, by code (from the procedure files).
    public let retention: [String: Int]
    public let period: InactivityPeriod

    public init(store: SIMSStore, retention: [String: Int], period: InactivityPeriod) {
        self.store = store
        self.retention = retention
        self.period = period
    }

    /// With the current retention of each procedure of `catalog`.
    public init(store: SIMSStore, catalog: ProcedureCatalog, period: InactivityPeriod) {
        self.init(store: store, retention: Dictionary(catalog.procedures.map { ($0.code, $0.retentionYears) },
                                                      uniquingKeysWith: { first, _ in first }), period: period)
    }

    /// The inactive persons on `today` (by default the store's), the longest inactive first.
    public func list(today: CalendarDate? = nil, by agent: Agent) throws -> [InactiveTier] {
        try AgentService.require(agent, .supervisor, .administrator, to: "lister les fiches inactives")
        let today = today ?? store.clock.today()
        return try store.read { db in try inactive(db, today: today, tierID: nil) }
    }

    /// Keeps an inactive person (superviseurs), with the motif: they leave the list for the
    /// inactivity period. Returns the first day they may come back. Refused, with the reason,
    /// for a person who is not (or no longer) listed.
    @discardableResult
    public func keep(tierID: Int64, motif: String, by agent: Agent) throws -> CalendarDate {
        try AgentService.require(agent, .supervisor, to: "conserver une fiche inactive")
        let motif = try TierRestrictionService.checkedMotif(motif, what: "la conservation (pourquoi la fiche reste)")
        return try store.write { db in
            let now = store.clock.now()
            let today = CalendarDate.today(now: now)
            guard let name = try TierRestrictionService.tierName(db, tierID) else { throw TierService.notFound(tierID) }
            guard try !inactive(db, today: today, tierID: tierID).isEmpty else {
                throw ValidationError(field: nil, message: "« \(name) » n'est pas (ou plus) dans la liste des fiches inactives : "
                    + "activité, dossier sous conservation ou décision récente ; rien n'a été enregistré.")
            }
            let eventID = try EventLog.append(db, kind: .inactiveTierKept, agentID: agent.id, tierID: tierID,
                                              payload: ["motif": motif, "inactivite_ans": String(period.years)], at: now)
            try db.execute(sql: """
                INSERT INTO inactive_tier_review (tier_id, decision, motif, agent_id, at, event_id) VALUES (?, 'conserver', ?, ?, ?, ?)
                """, arguments: [tierID, motif, agent.id, Timestamp.string(from: now), eventID])
            return period.returnDay(keptOn: today)
        }
    }

    // MARK: - Inside a transaction

    /// The inactive persons on `today`, or only `tierID` when given. Each table is read once, in
    /// its own order (the register of a million persons is read in a few sequential passes rather
    /// than by a million look-ups per table); one person's check reads their rows by its indexes.
    func inactive(_ db: any StoreSession, today: CalendarDate, tierID: Int64?) throws -> [InactiveTier] {
        var ledger = InactivityLedger(cutoff: period.cutoff(today: today), today: today, retention: retention)
        // `only` narrows a query to the one person: each of its `?` is `tierID`.
        func arguments(_ only: String) -> StoreArguments {
            StoreArguments(Array(repeating: tierID ?? 0, count: only.filter { $0 == "?" }.count))
        }
        let scanning = try db.capability(ColumnScanning.self)
        func scan(_ all: String, _ only: String, _ body: (any ScannedColumns) throws -> Void) throws {
            try scanning.scanColumns(sql: tierID == nil ? all : all + " " + only, arguments: tierID == nil ? [] : arguments(only), body)
        }
        try scanning.scanColumns(sql: """
            SELECT id, display_name, updated_at FROM tier WHERE kind = 'personne' AND updated_at < ?
            """ + (tierID == nil ? "" : " AND id = ?"), arguments: tierID == nil ? [ledger.cutoff] : [ledger.cutoff, tierID]) { row in
            ledger.person(row.integer(0), name: row.text(1) ?? "", updatedAt: row.text(2) ?? "")
        }
        guard !ledger.entries.isEmpty else { return [] }
        try scan("SELECT absorbed_id FROM tier_merge WHERE undone_at IS NULL", "AND absorbed_id = ?") { ledger.drop($0.integer(0)) }
        // A million dossiers: read column by column, the texts only for the persons still listed.
        let onlyDossiers = "WHERE d.applicant_id = ? OR d.beneficiary_id = ?"
        try scanning.scanColumns(sql: """
            SELECT d.applicant_id, d.beneficiary_id, d.state, d.updated_at, d.procedure_code, d.decided_at, r.until
            FROM dossier d LEFT JOIN dossier_retention r ON r.dossier_id = d.id
            """ + (tierID == nil ? "" : " " + onlyDossiers), arguments: tierID == nil ? [] : arguments(onlyDossiers)) { row in
            let applicant = row.integer(0)
            let beneficiary = row.isNull(1) ? nil : row.integer(1)
            let forApplicant = ledger.examines(applicant)
            let other = beneficiary.flatMap { $0 != applicant && ledger.examines($0) ? $0 : nil }
            guard forApplicant || other != nil else { return }
            let state = row.text(2) ?? "", updatedAt = row.text(3) ?? "", procedure = row.text(4) ?? ""
            let decidedAt = row.text(5), until = row.text(6)
            for id in [forApplicant ? applicant : nil, other].compactMap({ $0 }) {
                ledger.dossier(id, state: state, updatedAt: updatedAt, procedure: procedure, decidedAt: decidedAt, until: until)
            }
        }
        try scan("""
            SELECT o.tier_id, d.created_at FROM document_owner o JOIN document d ON d.id = o.document_id
            """, "WHERE o.tier_id = ?") { ledger.activity($0.integer(0), at: $0.text(1)) }
        try scan("SELECT tier_id, related_id, created_at FROM relation", "WHERE tier_id = ? OR related_id = ?") { row in
            ledger.activity(row.integer(0), at: row.text(2))
            ledger.activity(row.integer(1), at: row.text(2))
        }
        try scan("SELECT tier_id, restricted_at, lifted_at FROM tier_restriction", "WHERE tier_id = ?") { row in
            ledger.activity(row.integer(0), at: row.text(1))
            ledger.activity(row.integer(0), at: row.text(2))
        }
        try scan("SELECT tier_id, at FROM inactive_tier_review", "WHERE tier_id = ?") { row in
            ledger.kept(row.integer(0), at: row.text(1) ?? "")
        }
        // Erased completely at their request: only the number is left, nothing to decide.
        try scan("SELECT tier_id FROM tier_erasure WHERE complete = 1", "AND tier_id = ?") { ledger.drop($0.integer(0)) }
        return ledger.inactive()
    }
}
