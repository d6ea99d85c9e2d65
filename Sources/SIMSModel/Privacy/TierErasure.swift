import Foundation

/// Erases a tier's data at the person's request or for inactivity (RGPD « effacement », its
/// ground recorded: ``TierErasureGround``), keeping what a legal
/// retention keeps: ``plan(tierID:)`` says what would stay (with why and until when) and what
/// would go; ``erase(tierID:motif:by:)`` does it in one transaction, with its `rgpd.effacement`
/// event (motif and agent) and its row in `tier_erasure`, so that `guichet check` stays sound
/// and the RGPD export lists the erasure.
///
/// ```swift
/// let erasure = TierErasure(store: store, retention: catalog.retentionByCode)
/// let plan = try erasure.plan(tierID: 42)      // plan.kept: ["dossier BS-2026-000123 : conservation 10 ans, jusqu'au 15/09/2036", …]
/// let done = try erasure.erase(tierID: 42, motif: "Demande écrite du 02/12/2026", by: superviseur)
/// ```
public struct TierErasure: Sendable {
    public let store: SIMSStore
    /// Each procedure's current retention in years, by code (a dossier decided before retentions
    /// were recorded at the decision is kept under its procedure's current one).
    public let retention: [String: Int]

    /// Events recording a request of the person: they stay, with their motif.
    static let requestKinds: [String] = [EventKind.tierRestricted.rawValue, EventKind.tierRestrictionLifted.rawValue,
                                         EventKind.personErased.rawValue, EventKind.retentionPurged.rawValue]

    /// The key of the erasure event's payload naming its ground (``TierErasureGround``).
    public static let groundKey = "fondement"

    /// The name an erased record keeps.
    public static let erasedName = "Fiche effacée (RGPD)"

    public init(store: SIMSStore, retention: [String: Int]) {
        self.store = store
        self.retention = retention
    }

    /// What erasing the tier would do today (superviseurs).
    public func plan(tierID: Int64, by agent: Agent) throws -> TierErasurePlan {
        try AgentService.require(agent, .supervisor, to: "effacer les données d'une personne")
        return try store.read { db in try self.plan(db, tierID: tierID, today: store.clock.today()) }
    }

    /// Erases what no retention keeps (superviseurs), in one transaction; the files of the pieces
    /// erased are removed after it.
    @discardableResult
    public func erase(tierID: Int64, motif: String, ground: TierErasureGround = .request, by agent: Agent) throws -> TierErasureRecord {
        try AgentService.require(agent, .supervisor, to: "effacer les données d'une personne")
        let motif = try TierRestrictionService.checkedMotif(
            motif, what: ground == .request ? "l'effacement (la demande de la personne, sa date)" : "l'effacement (l'inactivité constatée)")
        var files: [(sha256: String, ext: String)] = []
        let record: TierErasureRecord = try store.write { db in
            let plan = try self.plan(db, tierID: tierID, today: store.clock.today())
            let (record, released) = try apply(db, plan, motif: motif, ground: ground, by: agent)
            files = released
            return record
        }
        DocumentRelease.removeFiles(files, storePath: store.path)
        return record
    }

    /// The erasures made at the tier's request, oldest first.
    public func history(tierID: Int64) throws -> [TierErasureRecord] {
        try store.read { db in try Self.history(db, tierID: tierID) }
    }

    // MARK: - Inside a transaction

    static func history(_ db: any StoreSession, tierID: Int64) throws -> [TierErasureRecord] {
        try StoreRow.fetchAll(db.cachedStatement(sql: """
            SELECT e.id, e.tier_id, e.motif, a.login, e.erased_at, e.complete, e.kept, e.erased, ev.payload
            FROM tier_erasure e JOIN agent a ON a.id = e.erased_by LEFT JOIN event ev ON ev.id = e.event_id
            WHERE e.tier_id = ? ORDER BY e.id
            """), arguments: [tierID]).map { row in
            // The ground is the erasure event's (kept whole: an erasure's own event is never erased).
            let ground = TierErasureGround(stored: EventLog.decodePayload((row[8] as String?) ?? "")[groundKey])
            return TierErasureRecord(id: row[0], tierID: row[1], motif: row[2], ground: ground,
                              erasedBy: row[3], erasedAt: row[4], complete: row[5], kept: lines(row[6]), erased: lines(row[7]))
        }
    }

    /// The complete erasure of the tier, if it was erased completely.
    static func completeErasure(_ db: any StoreSession, tierID: Int64) throws -> TierErasureRecord? {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM tier_erasure WHERE tier_id = ? AND complete = 1)"),
                                arguments: [tierID]) == true else { return nil }
        return try history(db, tierID: tierID).last { $0.complete }
    }

    /// Refuses to show or write a record erased completely: « Fiche n° 12 effacée le … ».
    static func refuseIfErased(_ db: any StoreSession, id: Int64) throws {
        guard let erasure = try completeErasure(db, tierID: id) else { return }
        throw TierErasureRefusal("\(erasure.notice) Il n'en reste que son numéro : rien à consulter ni à modifier.")
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init)
    }

    func plan(_ db: any StoreSession, tierID: Int64, today: CalendarDate) throws -> TierErasurePlan {
        guard let tier = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT kind, display_name FROM tier WHERE id = ?"),
                                          arguments: [tierID]),
              let kind = TierKind(rawValue: tier[0]) else { throw TierService.notFound(tierID) }
        if let erasure = try Self.completeErasure(db, tierID: tierID) {
            throw TierErasureRefusal("\(erasure.notice) Rien d'autre à effacer.")
        }
        if let redirect = try TierRedirect.find(db, id: tierID) {
            throw TierErasureRefusal("\(redirect.notice) Effacez la fiche n° \(redirect.survivorID), qui tient ses données "
                + "(ou défaites d'abord la fusion).")
        }
        let absorbed = try Int64.fetchAll(db, sql: "SELECT absorbed_id FROM tier_merge WHERE survivor_id = ? AND undone_at IS NULL ORDER BY id",
                                          arguments: [tierID])
        if !absorbed.isEmpty {
            throw TierErasureRefusal("La fiche n° \(tierID) a absorbé " + absorbed.map { "n° \($0)" }.joined(separator: ", ")
                + " : défaites d'abord la fusion (Ctrl+D), puis effacez chaque fiche ; rien n'a été effacé.")
        }
        var plan = TierErasurePlan(tierID: tierID, name: tier[1], kind: kind)
        try classifyDossiers(db, &plan, today: today)
        if !plan.isComplete {
            let identity = TierField.fields(of: kind).filter(\.isIdentity).map(\.inSentence)
            plan.kept.append("identité (\(identity.joined(separator: ", "))) : les dossiers conservés désignent la personne")
        }
        let snapshot = try TierService.loadSnapshot(db, id: tierID, relations: false)
        let current = snapshot?.current ?? [:]
        plan.erasedFields = TierField.fields(of: kind).filter { field in
            current[field]?.value != nil && (plan.isComplete || !field.isIdentity)
        }
        (plan.unlinkedDocuments, plan.releasedDocuments) = try documentsToRelease(db, plan)
        plan.drafts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM draft WHERE tier_id = ?", arguments: [tierID]) ?? 0
        plan.relations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM relation WHERE tier_id = ? OR related_id = ?",
                                          arguments: [tierID, tierID]) ?? 0
        plan.eventIDs = try eventsToErase(db, plan)
        return plan
    }

    /// Sorts the tier's dossiers: under instruction or within their retention → kept (with why);
    /// brouillons and closed dossiers whose retention ran out → erased.
    private func classifyDossiers(_ db: any StoreSession, _ plan: inout TierErasurePlan, today: CalendarDate) throws {
        let rows = try StoreRow.fetchAll(db, sql: """
            SELECT d.id, d.number, d.procedure_code, d.state, d.submitted_at, d.decided_at, r.years
            FROM dossier d LEFT JOIN dossier_retention r ON r.dossier_id = d.id
            WHERE d.applicant_id = ? OR d.beneficiary_id = ? ORDER BY d.id
            """, arguments: [plan.tierID, plan.tierID])
        for row in rows {
            let id: Int64 = row["id"]
            let name = (row["number"] as String?) ?? "n° \(id)"
            let code: String = row["procedure_code"]
            let state = DossierState(rawValue: row["state"]) ?? .submitted
            let years = (row["years"] as Int?) ?? retention[code]
            switch state {
            case .draft:
                plan.erasedDossierIDs.append(id)
                plan.erasedDossiers.append("\(name) (brouillon jamais déposé)")
            case .accepted, .refused, .closedWithoutAction:
                guard let years else {
                    plan.keptDossierIDs.insert(id)
                    plan.kept.append("dossier \(name) : procédure \(code) sans durée de conservation connue, conservé")
                    continue
                }
                guard let decidedAt: String = row["decided_at"], let term = RetentionTerm(decidedAt: decidedAt, years: years) else {
                    plan.keptDossierIDs.insert(id)
                    plan.kept.append("dossier \(name) : \(state.label), date de décision inconnue, conservé")
                    continue
                }
                if term.hasExpired(on: today) {
                    plan.erasedDossierIDs.append(id)
                    plan.erasedTerms[id] = term
                    plan.erasedDossiers.append("\(name) (conservation échue le \(term.until.french))")
                } else {
                    plan.keptDossierIDs.insert(id)
                    plan.kept.append("dossier \(name) : \(term.french)")
                }
            case .submitted, .underReview, .awaitingPieces, .awaitingValidation:
                plan.keptDossierIDs.insert(id)
                let after = years.map { " puis \($0) an\($0 > 1 ? "s" : "") après la décision" } ?? ""
                plan.kept.append("dossier \(name) : en cours (\(state.label)), conservé jusqu'à sa décision\(after)")
            }
        }
    }

    /// The tier's pieces: those a kept dossier needs stay; those shared with another tier lose
    /// this owner only; the others are deleted (unless a remaining fact names them as evidence).
    private func documentsToRelease(_ db: any StoreSession, _ plan: TierErasurePlan) throws -> (unlinked: [Int64], released: [Int64]) {
        let owned = try Int64.fetchAll(db, sql: "SELECT document_id FROM document_owner WHERE tier_id = ? ORDER BY document_id",
                                       arguments: [plan.tierID])
        let keptList = plan.keptDossierIDs.map(String.init).joined(separator: ",")
        let erasedList = plan.erasedDossierIDs.map(String.init).joined(separator: ",")
        var unlinked: [Int64] = [], released: [Int64] = []
        for document in owned {
            if !plan.keptDossierIDs.isEmpty, try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM dossier_document WHERE document_id = ? AND dossier_id IN (\(keptList)))
                    OR EXISTS (SELECT 1 FROM dossier_piece WHERE document_id = ? AND dossier_id IN (\(keptList)))
                """, arguments: [document, document]) == true {
                continue   // a piece of a kept dossier stays, with its owner
            }
            let shared = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document_owner WHERE document_id = ? AND tier_id <> ?)",
                                           arguments: [document, plan.tierID]) ?? false
            // A piece another tier's dossier still uses is that dossier's, not the person's alone.
            let usedElsewhere = try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM dossier_document WHERE document_id = ?\(erasedList.isEmpty ? "" : " AND dossier_id NOT IN (\(erasedList))"))
                    OR EXISTS (SELECT 1 FROM dossier_piece WHERE document_id = ?\(erasedList.isEmpty ? "" : " AND dossier_id NOT IN (\(erasedList))"))
                """, arguments: [document, document]) ?? false
            if shared || usedElsewhere { unlinked.append(document) } else { released.append(document) }
        }
        return (unlinked, released)
    }

    /// The tier's events whose content goes: all but those of kept dossiers and the requests
    /// of the person; with the events of the dossiers erased.
    private func eventsToErase(_ db: any StoreSession, _ plan: TierErasurePlan) throws -> [Int64] {
        let kinds = Self.requestKinds.map { "'\($0)'" }.joined(separator: ",")
        let keptList = plan.keptDossierIDs.map(String.init).joined(separator: ",")
        var ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM event WHERE tier_id = ? AND content_salt IS NOT NULL AND kind NOT IN (\(kinds))
            \(keptList.isEmpty ? "" : "AND (dossier_id IS NULL OR dossier_id NOT IN (\(keptList)))")
            """, arguments: [plan.tierID])
        if !plan.erasedDossierIDs.isEmpty {
            ids += try Int64.fetchAll(db, sql: """
                SELECT id FROM event WHERE dossier_id IN (\(plan.erasedDossierIDs.map(String.init).joined(separator: ",")))
                AND content_salt IS NOT NULL AND kind NOT IN (\(kinds))
                """)
        }
        return Array(Set(ids)).sorted()
    }

    /// Carries `plan` out inside the caller's transaction; returns the erasure and the files to remove.
    private func apply(_ db: any StoreSession, _ plan: TierErasurePlan, motif: String, ground: TierErasureGround, by agent: Agent) throws
        -> (TierErasureRecord, [(sha256: String, ext: String)]) {
        let now = store.clock.now()
        let at = Timestamp.string(from: now)
        let id = plan.tierID
        var eventIDs = plan.eventIDs
        guard let before = try TierService.loadSnapshot(db, id: id, relations: false) else { throw TierService.notFound(id) }

        // Dossiers: brouillons and those whose retention ran out, as the nightly purge erases them.
        var documents = Set(plan.releasedDocuments)
        let ownedByAnother = try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM document_owner WHERE document_id = ? AND tier_id <> ?)")
        for dossier in plan.erasedDossierIDs {
            let linked = try DossierErasure.erase(db, dossierID: dossier, term: plan.erasedTerms[dossier], reason: "effacement", at: at)
            // A piece of another tier that the erased dossier used stays that tier's.
            documents.formUnion(try linked.filter { try Bool.fetchOne(ownedByAnother, arguments: [$0, id]) != true })
        }
        try db.execute(sql: "DELETE FROM draft WHERE tier_id = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM relation WHERE tier_id = ? OR related_id = ?", arguments: [id, id])
        try eraseFacts(db, tierID: id, keepIdentity: !plan.isComplete)
        for document in plan.unlinkedDocuments {
            try db.execute(sql: "DELETE FROM document_owner WHERE tier_id = ? AND document_id = ?", arguments: [id, document])
        }
        let release = try DocumentRelease.releaseUnneeded(db, documents: documents)
        eventIDs += release.eventIDs
        // Pairs to review name the person's values in their reasons; undone merges keep what
        // their undoing put back.
        try db.execute(sql: "DELETE FROM duplicate_pair WHERE (tier_a = ? OR tier_b = ?)"
            + (plan.isComplete ? "" : " AND state = 'a_revoir'"), arguments: [id, id])
        try db.execute(sql: "UPDATE tier_merge SET restore = '{}' WHERE (absorbed_id = ? OR survivor_id = ?) AND undone_at IS NOT NULL",
                       arguments: [id, id])
        if plan.isComplete {
            // A superviseur's reason to keep an inactive record may name the person: the record is gone.
            try db.execute(sql: "DELETE FROM inactive_tier_review WHERE tier_id = ?", arguments: [id])
        }
        try rewriteSummary(db, before: before, complete: plan.isComplete, at: at)
        // The rows that stay lose their former salt with the values erased from them: the older
        // events' digests of those rows can no longer be matched by guessing the values.
        try RowSalt.renew(db, table: "tier", where: "id = ?", arguments: [id])
        try RowSalt.renew(db, table: "fact_record", where: "tier_id = ?", arguments: [id])
        try RowSalt.renew(db, table: "tier_merge", where: "(absorbed_id = ? OR survivor_id = ?) AND undone_at IS NOT NULL",
                          arguments: [id, id])

        let erasure = try EventErasure.eraseContent(db, eventIDs: eventIDs)
        var payload = erasure.payload
        payload["motif"] = motif
        payload[Self.groundKey] = ground.rawValue
        payload["complet"] = plan.isComplete ? "oui" : "non"
        payload["conserve"] = String(plan.kept.count)
        if !plan.erasedDossiers.isEmpty { payload["dossiers"] = plan.erasedDossiers.joined(separator: ",") }
        let eventID = try EventLog.append(db, kind: .personErased, agentID: agent.id, tierID: id, payload: payload, at: now)
        try erasure.record(db, erasureEventID: eventID, at: now)
        try db.execute(sql: """
            INSERT INTO tier_erasure (tier_id, motif, erased_by, erased_at, event_id, complete, kept, erased)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, motif, agent.id, at, eventID, plan.isComplete, plan.kept.joined(separator: "\n"),
                             plan.erasedLines.joined(separator: "\n")])
        guard let record = try Self.history(db, tierID: id).last else { throw TierService.notFound(id) }
        return (record, release.files)
    }

    /// Deletes the tier's facts (all of them, or all but its identity when a kept dossier names
    /// the person), history included.
    private func eraseFacts(_ db: any StoreSession, tierID: Int64, keepIdentity: Bool) throws {
        guard keepIdentity else {
            try db.execute(sql: "DELETE FROM fact_record WHERE tier_id = ?", arguments: [tierID])
            return
        }
        let rows = try StoreRow.fetchAll(db, sql: "SELECT seq, field_values FROM fact_record WHERE tier_id = ? ORDER BY seq",
                                    arguments: [tierID])
        for row in rows {
            let values = FactValuesCoding.decode(row[1])
            let identity = values.filter { $0.key.isIdentity }
            if identity.isEmpty {
                try db.execute(sql: "DELETE FROM fact_record WHERE tier_id = ? AND seq = ?", arguments: [tierID, row[0] as Int])
            } else if identity.count != values.count {
                try db.execute(sql: "UPDATE fact_record SET field_values = ? WHERE tier_id = ? AND seq = ?",
                               arguments: [FactValuesCoding.encode(identity), tierID, row[0] as Int])
            }
        }
    }

    /// The tier's summary row and search words after the erasure: its identity only, or nothing
    /// but its number (« Fiche effacée (RGPD) », found by no search word).
    private func rewriteSummary(_ db: any StoreSession, before: TierSnapshot, complete: Bool, at: String) throws {
        try TierRowWriter.rewriteSummary(db, id: before.id, kind: before.kind, before: before, version: before.version + 1, at: at)
        let words = SearchTokenizer.entry(kind: before.kind, values: before.current.compactMapValues(\.value)).vocabulary
        try SearchWordVariants.removeUnused(db, words: words)
        if complete {
            try db.execute(sql: "UPDATE tier SET display_name = ? WHERE id = ?", arguments: [Self.erasedName, before.id])
        }
    }
}
