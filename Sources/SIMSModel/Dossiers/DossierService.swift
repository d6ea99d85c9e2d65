import Foundation

/// Opens, keeps and submits dossiers at the counter. Each action is one transaction with its events.
///
/// ```swift
/// let dossiers = DossierService(store: store)
/// var intake = try dossiers.start(renewal, applicantID: parent.id, beneficiaryID: child.id, by: agent)
/// intake.dossier.answers["classe"] = "CM2"
/// try dossiers.save(intake.dossier)                        // the brouillon, at every field exit
/// let receipt = try dossiers.submit(intake, by: agent)     // dossier, facts written back, events
/// ```
public struct DossierService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Starts an intake: a brouillon dossier with every known answer filled in (for the survivor of
    /// a record absorbed by a merge). For a renewal, the
    /// previous dossier of the same applicant (and beneficiary) gives the local answers.
    /// The prefill shows the tiers' data: when one of them is restricted, the intake starts only
    /// with a `motif` (else ``RestrictedTierRefusal``), recorded as a consultation.
    public func start(_ procedure: Procedure, applicantID requestedApplicant: Int64, beneficiaryID requestedBeneficiary: Int64? = nil,
                      by agent: Agent, motif: String? = nil) throws -> Intake {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "ouvrir un dossier")
        return try store.write { db in
            // A record absorbed by a merge leads to its survivor.
            let applicantID = try TierRedirect.resolve(db, id: requestedApplicant)
            let beneficiaryID = try requestedBeneficiary.map { try TierRedirect.resolve(db, id: $0) }
            guard let applicant = try TierService.read(db, id: applicantID) else { throw TierService.notFound(applicantID) }
            guard applicant.kind == procedure.applicantKind else {
                throw ValidationError(field: nil, message: "« \(procedure.title) » est demandée par "
                    + (procedure.applicantKind == .person ? "une personne" : "une organisation")
                    + " : choisissez un autre demandeur.")
            }
            var beneficiary: TierSnapshot?
            if let beneficiaryID {
                guard procedure.beneficiary != nil else {
                    throw ValidationError(field: nil, message: "« \(procedure.title) » n'a pas de bénéficiaire distinct du demandeur.")
                }
                guard let found = try TierService.read(db, id: beneficiaryID), found.kind == .person else {
                    throw TierService.notFound(beneficiaryID)
                }
                beneficiary = found
            }
            let previous = try Self.previousDossier(db, for: procedure, applicantID: applicantID, beneficiaryID: beneficiaryID)
            let prefill = IntakePrefill.answers(for: procedure, applicant: applicant, beneficiary: beneficiary, previous: previous)
            let checks = try Self.checks(db, procedure, applicantID: applicantID, beneficiaryID: beneficiaryID,
                                         today: store.clock.today())
            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            var pieces: [String: PieceStatus] = [:]
            for check in checks { pieces[check.requirement.key] = check.proposed }
            let answers = prefill.mapValues(\.text)
            try db.execute(sql: """
                INSERT INTO dossier (procedure_code, procedure_title, applicant_id, applicant_version, beneficiary_id,
                    beneficiary_version, state, answers, previous_id, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 'brouillon', ?, ?, ?, ?, ?)
                """, arguments: [procedure.code, procedure.title, applicantID, applicant.version, beneficiaryID,
                                 beneficiary?.version, DossierRow.encode(answers), previous?.id, agent.id, at, at])
            let id = try db.lastInsertedRowID
            try DossierRow.writePieces(db, dossierID: id, pieces: pieces)
            try Self.recordRestrictedConsultation(db, tierIDs: [applicantID, beneficiaryID].compactMap { $0 },
                                                  dossierID: id, motif: motif, agentID: agent.id, now: now)
            var payload = ["demarche": procedure.code]
            if let beneficiaryID { payload["beneficiaire"] = String(beneficiaryID) }
            if let previous { payload["renouvelle"] = previous.number ?? String(previous.id) }
            try EventLog.append(db, kind: .dossierStarted, agentID: agent.id, tierID: applicantID, dossierID: id,
                                payload: payload, at: now)
            guard let dossier = try DossierRow.load(db, id: id) else { throw Self.notFound(id) }
            return Intake(procedure: procedure, dossier: dossier, applicant: applicant, beneficiary: beneficiary,
                          previous: previous, prefill: prefill, checks: checks)
        }
    }

    /// Takes a brouillon back (from the home screen): its answers as saved, the prefill marks and
    /// the checklist recomputed from the tiers as they are now. When its applicant or beneficiary
    /// has been restricted meanwhile, it is taken back only by `agent` with a `motif` (else
    /// ``RestrictedTierRefusal``), recorded as a consultation.
    public func resume(dossierID: Int64, procedures: [Procedure], by agent: Agent? = nil, motif: String? = nil) throws -> Intake {
        let intake = try read(dossierID: dossierID, procedures: procedures)
        let tierIDs = [intake.applicant.id, intake.beneficiary?.id].compactMap { $0 }
        let restricted = try store.read { db in try TierRestrictionService.restrictedIDs(db, among: tierIDs) }
        if !restricted.isEmpty {
            try store.write { db in
                guard let agent else {
                    _ = try TierRestrictionService.consultationPayload(db, tierIDs: tierIDs, motif: nil, context: .intake)
                    return
                }
                try Self.recordRestrictedConsultation(db, tierIDs: tierIDs, dossierID: dossierID, motif: motif,
                                                      agentID: agent.id, now: store.clock.now())
            }
        }
        return intake
    }

    /// A restricted tier's data shown by a dossier's form: refused without a motif, else recorded
    /// as a consultation (one event per restricted tier) inside the caller's transaction.
    static func recordRestrictedConsultation(_ db: any StoreSession, tierIDs: [Int64], dossierID: Int64, motif: String?,
                                             agentID: Int64, now: Date) throws {
        let restricted = try TierRestrictionService.restrictedIDs(db, among: tierIDs)
        guard !restricted.isEmpty else { return }
        var payload = try TierRestrictionService.consultationPayload(db, tierIDs: tierIDs, motif: motif, context: .intake)
        if let number = try String.fetchOne(db, sql: "SELECT number FROM dossier WHERE id = ?", arguments: [dossierID]) {
            payload["dossier"] = number
        }
        for tierID in tierIDs where restricted.contains(tierID) {
            try EventLog.append(db, kind: .tierConsulted, agentID: agentID, tierID: tierID, dossierID: dossierID,
                                payload: payload, at: now)
        }
    }

    private func read(dossierID: Int64, procedures: [Procedure]) throws -> Intake {
        try store.read { db in
            guard let dossier = try DossierRow.load(db, id: dossierID) else { throw Self.notFound(dossierID) }
            guard dossier.state == .draft else {
                throw ValidationError(field: nil, message: "Le dossier \(dossier.number ?? "n° \(dossierID)") est déjà déposé.")
            }
            guard let procedure = procedures.first(where: { $0.code == dossier.procedureCode }) else {
                throw ValidationError(field: nil, message: "La démarche \(dossier.procedureCode) n'est plus au catalogue : "
                    + "ce brouillon ne peut pas être repris. Demandez à un administrateur de la rétablir.")
            }
            guard let applicant = try TierService.read(db, id: dossier.applicantID) else {
                throw TierService.notFound(dossier.applicantID)
            }
            let beneficiary = try dossier.beneficiaryID.flatMap { try TierService.read(db, id: $0) }
            let previous = try dossier.previousID.flatMap { try DossierRow.load(db, id: $0) }
            let prefill = IntakePrefill.answers(for: procedure, applicant: applicant, beneficiary: beneficiary, previous: previous)
            let checks = try Self.checks(db, procedure, applicantID: applicant.id, beneficiaryID: beneficiary?.id,
                                         today: store.clock.today())
            return Intake(procedure: procedure, dossier: dossier, applicant: applicant, beneficiary: beneficiary,
                          previous: previous, prefill: prefill, checks: checks)
        }
    }

    /// Keeps what was typed in a brouillon (answers, pieces, focus): a small transaction. When the
    /// answers or pieces changed, a « brouillon enregistré » event attests them (the cursor alone
    /// is the agent's working state and needs none).
    public func save(_ dossier: Dossier) throws {
        try store.write { db in
            try db.execute(sql: """
                UPDATE dossier SET answers = ?, focus = ? WHERE id = ? AND state = 'brouillon'
                """, arguments: [DossierRow.encode(dossier.answers), dossier.focus, dossier.id])
            guard db.changesCount == 1 else { throw Self.notDraft(dossier.id) }
            try DossierRow.writePieces(db, dossierID: dossier.id, pieces: dossier.pieces)
            if EventLog.hasUnsealedRows(db) {
                let now = store.clock.now()
                try db.execute(sql: "UPDATE dossier SET updated_at = ? WHERE id = ?",
                               arguments: [Timestamp.string(from: now), dossier.id])
                try EventLog.append(db, kind: .dossierDraftSaved, agentID: dossier.createdBy, tierID: dossier.applicantID,
                                    dossierID: dossier.id, payload: ["demarche": dossier.procedureCode], at: now)
            }
        }
    }

    /// Abandons a brouillon: it is deleted with everything attached to it (its pieces checklist,
    /// its links to documents) in one transaction, the abandonment recorded. Its number is never
    /// handed out again; the documents scanned for it stay on their tier's file.
    public func abandon(dossierID: Int64, by agent: Agent) throws {
        try store.write { db in
            guard let dossier = try DossierRow.load(db, id: dossierID), dossier.state == .draft else {
                throw Self.notDraft(dossierID)
            }
            try db.execute(sql: "DELETE FROM dossier_piece WHERE dossier_id = ?", arguments: [dossierID])
            try db.execute(sql: "DELETE FROM dossier_document WHERE dossier_id = ?", arguments: [dossierID])
            try db.execute(sql: "DELETE FROM dossier WHERE id = ?", arguments: [dossierID])
            try EventLog.append(db, kind: .dossierAbandoned, agentID: agent.id, tierID: dossier.applicantID,
                                dossierID: dossierID, payload: ["demarche": dossier.procedureCode], at: store.clock.now())
        }
    }

    /// The agent's brouillons, newest first, with the names of whom they are about.
    public func drafts(agentID: Int64) throws -> [DossierDraftSummary] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT d.id, d.procedure_code, d.procedure_title, d.updated_at, a.display_name AS applicant,
                       b.display_name AS beneficiary
                FROM dossier d JOIN tier a ON a.id = d.applicant_id LEFT JOIN tier b ON b.id = d.beneficiary_id
                WHERE d.created_by = ? AND d.state = 'brouillon' ORDER BY d.updated_at DESC, d.id DESC
                """, arguments: [agentID]).map { row in
                DossierDraftSummary(dossierID: row["id"], procedureCode: row["procedure_code"],
                                    procedureTitle: row["procedure_title"], applicantName: row["applicant"],
                                    beneficiaryName: row["beneficiary"], updatedAt: row["updated_at"])
            }
        }
    }

    /// One dossier by id.
    public func dossier(id: Int64) throws -> Dossier {
        try store.read { db in
            guard let dossier = try DossierRow.load(db, id: id) else { throw Self.notFound(id) }
            return dossier
        }
    }

    /// The submitted dossiers of a tier (as applicant or beneficiary), newest first.
    public func dossiers(ofTier tierID: Int64) throws -> [Dossier] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT \(DossierRow.columns) FROM dossier WHERE (applicant_id = ? OR beneficiary_id = ?) AND state <> 'brouillon'
                ORDER BY submitted_at DESC, id DESC
                """, arguments: [tierID, tierID]).map { try DossierRow.dossier(db, $0) }
        }
    }

    /// The latest submitted dossier a renewal starts from: one of the procedures it renews, same
    /// applicant, same beneficiary when there is one.
    static func previousDossier(_ db: any StoreSession, for procedure: Procedure, applicantID: Int64,
                                beneficiaryID: Int64?) throws -> Dossier? {
        guard procedure.isRenewal else { return nil }
        let marks = Array(repeating: "?", count: procedure.renews.count).joined(separator: ",")
        var arguments = StoreArguments([applicantID])
        arguments += StoreArguments(procedure.renews)
        var sql = """
            SELECT \(DossierRow.columns) FROM dossier WHERE applicant_id = ? AND procedure_code IN (\(marks)) AND state <> 'brouillon'
            """
        if let beneficiaryID {
            sql += " AND beneficiary_id = ?"
            arguments += [beneficiaryID]
        }
        sql += " ORDER BY submitted_at DESC, id DESC LIMIT 1"
        return try StoreRow.fetchOne(db, sql: sql, arguments: arguments).map { try DossierRow.dossier(db, $0) }
    }

    static func checks(_ db: any StoreSession, _ procedure: Procedure, applicantID: Int64, beneficiaryID: Int64?,
                       today: CalendarDate) throws -> [PieceCheck] {
        let mine = try DocumentService.documents(db, ownedBy: applicantID)
        let theirs = try beneficiaryID.map { try DocumentService.documents(db, ownedBy: $0) } ?? []
        return PieceChecklist.checks(for: procedure, applicantDocuments: mine, beneficiaryDocuments: theirs, today: today)
    }

    static func notFound(_ id: Int64) -> ValidationError {
        ValidationError(field: nil, message: "Aucun dossier n° \(id).")
    }

    static func notDraft(_ id: Int64) -> ValidationError {
        ValidationError(field: nil, message: "Le brouillon n° \(id) n'existe plus : il a été déposé ou abandonné.")
    }
}
