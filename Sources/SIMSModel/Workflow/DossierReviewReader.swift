/// Reads a dossier for review in one transaction: the dossier, names, proposal and decision,
/// history (its events, oldest first), internal notes and attached documents.
///
/// Opening a dossier shows its applicant's and beneficiary's personal data: ``open(dossierID:by:)``
/// records that consultation (`tier.consult` for each, with the dossier) as opening their record
/// does; ``review(dossierID:)`` reads again what is already open.
public struct DossierReviewReader: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Opens a dossier for an agent, recording the consultation in the same transaction (with
    /// `motif` when given). When its applicant or beneficiary is restricted, it opens only with a
    /// motif: without one, ``RestrictedTierRefusal``.
    public func open(dossierID: Int64, by agent: Agent, motif: String? = nil) throws -> DossierReview {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "consulter un dossier")
        return try store.write { db in
            let review = try Self.review(db, dossierID: dossierID)
            let now = store.clock.now()
            let tierIDs = [review.dossier.applicantID, review.dossier.beneficiaryID].compactMap { $0 }
            var payload = try TierRestrictionService.consultationPayload(db, tierIDs: tierIDs, motif: motif, context: .review)
            payload["dossier"] = review.dossier.number ?? String(dossierID)
            for tierID in tierIDs {
                try EventLog.append(db, kind: .tierConsulted, agentID: agent.id, tierID: tierID, dossierID: dossierID,
                                    payload: payload, at: now)
            }
            return review
        }
    }

    /// Reads a dossier again (after an action, or to refresh), without recording a consultation.
    public func review(dossierID: Int64) throws -> DossierReview {
        try store.read { db in try Self.review(db, dossierID: dossierID) }
    }

    static func review(_ db: any StoreSession, dossierID: Int64) throws -> DossierReview {
        guard let dossier = try DossierRow.load(db, id: dossierID) else { throw DossierService.notFound(dossierID) }
        guard let row = try StoreRow.fetchOne(db, sql: """
            SELECT proposed_decision, proposed_by, decision_motif, decided_by, decided_at, pieces_requested, pieces_due_on
            FROM dossier WHERE id = ?
            """, arguments: [dossierID]) else { throw DossierService.notFound(dossierID) }
        var names: [Int64: String] = [:]
        func agentName(_ id: Int64?) throws -> String? {
            guard let id else { return nil }
            if let name = names[id] { return name }
            let name = try String.fetchOne(db, sql: "SELECT full_name FROM agent WHERE id = ?", arguments: [id]) ?? "agent \(id)"
            names[id] = name
            return name
        }
        func tierName(_ id: Int64?) throws -> String? {
            guard let id else { return nil }
            return try String.fetchOne(db, sql: "SELECT display_name FROM tier WHERE id = ?", arguments: [id])
        }
        var history: [DossierHistoryEntry] = []
        // Consultations are in the audit log and the tiers' RGPD export, not in the history; nor
        // are the brouillon's saves, nor the events of an earlier brouillon that had the same id
        // (detached by the repair of stores written before ids were never reused).
        let events = try AuditEvent.fetchAll(db, sql: """
            SELECT * FROM event WHERE dossier_id = ? AND kind NOT IN ('tier.consult', 'dossier.brouillon')
              AND id NOT IN (SELECT event_id FROM event_detachment) ORDER BY id
            """, arguments: [dossierID])
        for event in events {
            let payload = EventLog.decodePayload(event.payload)
            history.append(DossierHistoryEntry(at: event.at, agentName: try agentName(event.agentID) ?? "",
                                               label: event.kindLabel, detail: try Self.detail(payload, agentName)))
        }
        let notes = try StoreRow.fetchAll(db, sql: """
            SELECT id, agent_id, created_at, text FROM dossier_note WHERE dossier_id = ? ORDER BY id
            """, arguments: [dossierID]).map { note in
            DossierNote(id: note[0], dossierID: dossierID, agentID: note[1], agentName: try agentName(note[1]) ?? "",
                        createdAt: note[2], text: note[3])
        }
        let documentIDs = try Int64.fetchAll(db, sql: """
            SELECT document_id FROM dossier_document WHERE dossier_id = ? ORDER BY added_at, document_id
            """, arguments: [dossierID])
        let found = Dictionary(uniqueKeysWithValues: try DocumentService.fetch(db, ids: documentIDs).map { ($0.id, $0) })
        let requested: String? = row[5]
        return DossierReview(
            dossier: dossier, applicantName: try tierName(dossier.applicantID) ?? "",
            beneficiaryName: try tierName(dossier.beneficiaryID), assigneeName: try agentName(dossier.assigneeID),
            proposedDecision: (row[0] as String?).flatMap(DossierDecision.init(rawValue:)), proposerID: row[1],
            proposerName: try agentName(row[1]), motif: row[2], deciderName: try agentName(row[3]), decidedAt: row[4],
            piecesRequested: requested.map { $0.split(separator: "\n").map(String.init) } ?? [],
            piecesDueOn: (row[6] as String?).flatMap(CalendarDate.init(iso:)), history: history, notes: notes,
            documents: documentIDs.compactMap { found[$0] })
    }

    /// The details of an event worth a line in the history.
    static func detail(_ payload: [String: String], _ agentName: (Int64?) throws -> String?) throws -> String {
        var parts: [String] = []
        if let number = payload["numero"] { parts.append(number) }
        if let proposal = payload["proposition"].flatMap(DossierDecision.init(rawValue:)) { parts.append(proposal.label) }
        if let decision = payload["decision"].flatMap(DossierDecision.init(rawValue:)) { parts.append(decision.label) }
        if let pieces = payload["pieces"] { parts.append(pieces) }
        if let due = payload["echeance"].flatMap(CalendarDate.init(iso:)) { parts.append("pour le " + due.french) }
        if let target = payload["attribue_a"].flatMap(Int64.init) { parts.append("à " + (try agentName(target) ?? target.description)) }
        if let motif = payload["motif"] { parts.append("« \(motif) »") }
        return parts.joined(separator: " · ")
    }
}
