import Foundation

/// Moves submitted dossiers through their review, each action one transaction with its event.
///
/// ```swift
/// let workflow = WorkflowService(store: store)
/// if let next = try workflow.takeNext(by: instructeur) {           // the oldest unassigned dossier
///     try workflow.perform(.propose(.accepted, motif: "Ressources sous le plafond."), on: next.id,
///                          reviewLevels: 2, by: instructeur)
/// }
/// ```
public struct WorkflowService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Applies an action, or throws ``WorkflowRefusal`` with the French reason (nothing written).
    ///
    /// `validating`: on an acceptance, the facts its pieces prove as the decision form showed them
    /// (``provableFacts(dossierID:)``), validated (level 2) in the same transaction and covered by
    /// the decision's event; refused when one changed meanwhile.
    @discardableResult
    ///
    /// `retentionYears`: the procedure's retention (`conservation_ans`) as it stands now; a
    /// decision records it with the dossier (``RetentionTerm``), so that a later change of the
    /// procedure does not change how long this dossier is kept.
    public func perform(_ action: DossierAction, on dossierID: Int64, reviewLevels: Int, retentionYears: Int? = nil,
                       validating facts: [ProvableFact] = [], by agent: Agent) throws -> Dossier {
        try store.write { db in
            try apply(db, action, on: dossierID, reviewLevels: reviewLevels, retentionYears: retentionYears,
                      validating: facts, by: agent)
        }
    }

    /// The facts of the applicant and beneficiary that the dossier's pieces prove and that are not
    /// validated yet: what accepting it would validate.
    public func provableFacts(dossierID: Int64) throws -> [ProvableFact] {
        let today = store.clock.today()
        return try store.read { db in try DossierFactProof.provable(db, dossierID: dossierID, today: today) }
    }

    /// Gives several dossiers to a colleague in one transaction (a superviseur's bulk
    /// reassignment): all of them, or — when one is refused — none, with the refusal naming it.
    public func reassign(_ dossierIDs: [Int64], to colleagueID: Int64, by agent: Agent) throws {
        guard agent.has(.supervisor) || dossierIDs.count <= 1 else {
            throw WorkflowRefusal("Impossible de réattribuer plusieurs dossiers à la fois : il faut être superviseur.")
        }
        try store.write { db in
            for id in dossierIDs {
                do {
                    _ = try apply(db, .reassign(toAgentID: colleagueID), on: id, reviewLevels: 1, by: agent)
                } catch let refusal as WorkflowRefusal where dossierIDs.count > 1 {
                    let number = try String.fetchOne(db, sql: "SELECT number FROM dossier WHERE id = ?", arguments: [id]) ?? "\(id)"
                    throw WorkflowRefusal("Dossier \(number) : \(refusal.message) Aucun dossier n'a été réattribué.")
                }
            }
        }
    }

    private func apply(_ db: any StoreSession, _ action: DossierAction, on dossierID: Int64, reviewLevels: Int,
                       retentionYears: Int? = nil, validating provable: [ProvableFact] = [], by agent: Agent) throws -> Dossier {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT state, assignee_id, proposed_by, applicant_id FROM dossier WHERE id = ?",
                                         arguments: [dossierID]) else { throw DossierService.notFound(dossierID) }
        let facts = DossierWorkflow.Facts(state: DossierState(rawValue: row["state"]) ?? .draft, assigneeID: row["assignee_id"],
                                          proposerID: row["proposed_by"], reviewLevels: reviewLevels)
        if case .reassign(let target) = action {
            guard let colleague = try StoreRow.fetchOne(db, sql: "SELECT roles, active FROM agent WHERE id = ?", arguments: [target]),
                  colleague["active"] as Bool,
                  (colleague["roles"] as String).split(separator: ",").contains(where: { $0 == "instructeur" || $0 == "superviseur" })
            else {
                throw WorkflowRefusal("Impossible de réattribuer le dossier : choisissez un instructeur ou un superviseur actif.")
            }
        }
        let next = try DossierWorkflow.next(for: action, dossier: facts, agent: agent)
        if case .requestPieces(_, let dueOn) = action, dueOn < store.clock.today() {
            throw WorkflowRefusal("Impossible de \(action.label) : la date limite \(dueOn.french) est passée ; donnez une date à venir.")
        }
        let now = store.clock.now()
        let at = Timestamp.string(from: now)
        var payload = ["etat_avant": facts.state.rawValue, "etat_apres": next.rawValue]
        let kind: EventKind
        switch action {
        case .claim:
            kind = .dossierClaimed
            try db.execute(sql: "UPDATE dossier SET assignee_id = ? WHERE id = ?", arguments: [agent.id, dossierID])
        case .requestPieces(let pieces, let dueOn):
            kind = .dossierPiecesRequested
            payload["pieces"] = pieces.joined(separator: ", ")
            payload["echeance"] = dueOn.iso
            try db.execute(sql: "UPDATE dossier SET pieces_requested = ?, pieces_due_on = ? WHERE id = ?",
                           arguments: [pieces.joined(separator: "\n"), dueOn.iso, dossierID])
        case .piecesReceived:
            kind = .dossierPiecesReceived
            try db.execute(sql: "UPDATE dossier SET pieces_due_on = NULL WHERE id = ?", arguments: [dossierID])
        case .propose(let decision, let motif):
            kind = .dossierProposed
            payload["proposition"] = decision.rawValue
            payload["motif"] = motif
            try db.execute(sql: "UPDATE dossier SET proposed_decision = ?, proposed_by = ?, decision_motif = ? WHERE id = ?",
                           arguments: [decision.rawValue, agent.id, motif, dossierID])
        case .decide(let decision, let motif):
            kind = .dossierDecided
            payload["decision"] = decision.rawValue
            payload["motif"] = motif
            if decision == .accepted, !provable.isEmpty {
                try DossierFactProof.checkUnchanged(db, provable, dossierID: dossierID, today: store.clock.today())
                payload["faits_valides"] = DossierFactProof.payloadValue(provable)
            }
            try db.execute(sql: "UPDATE dossier SET decided_by = ?, decided_at = ?, decision_motif = ? WHERE id = ?",
                           arguments: [agent.id, at, motif, dossierID])
            if let retentionYears {
                let term = RetentionTerm(decidedOn: CalendarDate.today(now: now), years: retentionYears)
                payload["conservation_ans"] = String(retentionYears)
                try db.execute(sql: """
                    INSERT INTO dossier_retention (dossier_id, years, decided_on, until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (dossier_id) DO UPDATE SET years = excluded.years, decided_on = excluded.decided_on, until = excluded.until
                    """, arguments: [dossierID, retentionYears, term.decidedOn.iso, term.until.iso])
            }
        case .returnProposal(let motif):
            kind = .dossierProposalReturned
            payload["motif"] = motif
            try db.execute(sql: "UPDATE dossier SET proposed_decision = NULL, proposed_by = NULL WHERE id = ?", arguments: [dossierID])
        case .reopen(let motif):
            kind = .dossierReopened
            payload["motif"] = motif
            try db.execute(sql: """
                UPDATE dossier SET decided_by = NULL, decided_at = NULL, proposed_decision = NULL, proposed_by = NULL
                WHERE id = ?
                """, arguments: [dossierID])
            try db.execute(sql: "DELETE FROM dossier_retention WHERE dossier_id = ?", arguments: [dossierID])
        case .reassign(let target):
            kind = .dossierReassigned
            payload["attribue_a"] = String(target)
            try db.execute(sql: "UPDATE dossier SET assignee_id = ? WHERE id = ?", arguments: [target, dossierID])
        }
        try db.execute(sql: "UPDATE dossier SET state = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                       arguments: [next.rawValue, at, dossierID])
        let eventID = try EventLog.append(db, kind: kind, agentID: agent.id, tierID: row["applicant_id"], dossierID: dossierID,
                                          payload: payload, at: now)
        if case .decide(.accepted, _) = action, !provable.isEmpty {
            let number = try String.fetchOne(db, sql: "SELECT number FROM dossier WHERE id = ?", arguments: [dossierID]) ?? String(dossierID)
            try DossierFactProof.validate(db, provable, number: number, dossierID: dossierID, agentID: agent.id,
                                          eventID: eventID, now: now)
        }
        guard let dossier = try DossierRow.load(db, id: dossierID) else { throw DossierService.notFound(dossierID) }
        return dossier
    }

    /// « Prendre le suivant »: claims the oldest submitted, unassigned dossier (of one procedure when
    /// given) in one write transaction, so that two agents — in two processes — never get the same
    /// one (the UPDATE claims it only if still free; see ``ClaimLocking``). Nil when the queue is empty.
    public func takeNext(procedureCode: String? = nil, by agent: Agent) throws -> Dossier? {
        guard agent.has(.instructor) || agent.has(.supervisor) else {
            throw WorkflowRefusal("Impossible de prendre le suivant : il faut être instructeur ou superviseur.")
        }
        return try store.write { db in
            var sql = "SELECT id, applicant_id FROM dossier WHERE state = 'depose' AND assignee_id IS NULL"
            var arguments: StoreArguments = []
            if let procedureCode {
                sql += " AND procedure_code = ?"
                arguments += [procedureCode]
            }
            sql += " ORDER BY submitted_at, id LIMIT 1" + (try db.capability(ClaimLocking.self).claimLockClause)
            guard let row = try StoreRow.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
            let id: Int64 = row["id"]
            let now = store.clock.now()
            try db.execute(sql: """
                UPDATE dossier SET state = 'en_instruction', assignee_id = ?, updated_at = ?, version = version + 1
                WHERE id = ? AND state = 'depose' AND assignee_id IS NULL
                """, arguments: [agent.id, Timestamp.string(from: now), id])
            guard db.changesCount == 1 else { return nil }
            try EventLog.append(db, kind: .dossierClaimed, agentID: agent.id, tierID: row["applicant_id"], dossierID: id,
                                payload: ["etat_avant": "depose", "etat_apres": "en_instruction", "suivant": "oui"], at: now)
            return try DossierRow.load(db, id: id)
        }
    }
}
