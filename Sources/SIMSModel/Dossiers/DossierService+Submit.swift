import Foundation

extension DossierService {
    /// Submits a brouillon as typed, in one transaction: the dossier becomes « déposé » with its
    /// number, tracking code and due date; new or changed answers bound to the tiers are written
    /// back with this dossier as their source (a new beneficiary is created and linked to the
    /// applicant); pieces handed in are recorded as documents; every step has its event.
    ///
    /// Refused, with nothing written, by ``DossierValidationFailed`` (answers to fix),
    /// ``VerifiedFactChange`` (verified facts would change: ask, then retry with
    /// `confirmingVerifiedChanges: true`) and ``StaleTierError`` (a colleague changed the same
    /// fields of the tier since the form opened).
    @discardableResult
    public func submit(_ dossier: Dossier, procedure: Procedure, confirmingVerifiedChanges: Bool = false,
                       by agent: Agent) throws -> SubmittedDossier {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "déposer un dossier")
        let today = store.clock.today()
        let normalized = try Self.validate(dossier.answers, procedure: procedure, today: today)
        return try store.write { db in
            guard let saved = try DossierRow.load(db, id: dossier.id), saved.state == .draft else {
                throw Self.notDraft(dossier.id)
            }
            // Its applicant or beneficiary absorbed by a merge since the form opened: the brouillon,
            // moved by the merge, is submitted for the survivor.
            var dossier = dossier
            if saved.applicantID != dossier.applicantID, try TierRedirect.find(db, id: dossier.applicantID) != nil {
                dossier.applicantID = saved.applicantID
                dossier.applicantVersion = saved.applicantVersion
            }
            if let beneficiaryID = dossier.beneficiaryID, saved.beneficiaryID != beneficiaryID,
               try TierRedirect.find(db, id: beneficiaryID) != nil {
                dossier.beneficiaryID = saved.beneficiaryID
                dossier.beneficiaryVersion = saved.beneficiaryVersion
            }
            guard let applicant = try TierService.loadSnapshot(db, id: dossier.applicantID, relations: false) else {
                throw TierService.notFound(dossier.applicantID)
            }
            let beneficiary = try dossier.beneficiaryID.flatMap { try TierService.loadSnapshot(db, id: $0, relations: false) }
            let applicantChanges = Self.changes(normalized, procedure: procedure, side: .applicant, tier: applicant)
            let beneficiaryChanges = beneficiary.map { Self.changes(normalized, procedure: procedure, side: .beneficiary, tier: $0) } ?? [:]
            try Self.checkFresh(applicant, since: dossier.applicantVersion, writing: applicantChanges)
            if let beneficiary {
                try Self.checkFresh(beneficiary, since: dossier.beneficiaryVersion ?? beneficiary.version, writing: beneficiaryChanges)
            }
            let applicantFacts = applicant.current, beneficiaryFacts = beneficiary?.current ?? [:]
            let verified = applicantChanges.keys.compactMap { applicantFacts[$0] }
                + beneficiaryChanges.keys.compactMap { beneficiaryFacts[$0] }
            let verifiedChanged = verified.filter { $0.level > .declared }
            if !verifiedChanged.isEmpty, !confirmingVerifiedChanges {
                throw VerifiedFactChange(facts: verifiedChanged.sorted { $0.field.rawValue < $1.field.rawValue })
            }

            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            let number = try Self.allocateNumber(db, prefix: procedure.code, year: today.year)
            let tracking = try Self.allocateTrackingCode(db)
            let provenance = Provenance(source: .dossier, reference: number, level: .declared)
            var applicantNow = applicant
            if !applicantChanges.isEmpty {
                applicantNow = try TierService.update(db, id: applicant.id, expectedVersion: applicant.version,
                                                      changes: applicantChanges.mapValues { Optional($0) }, provenance: provenance,
                                                      confirmingVerifiedChanges: true, agentID: agent.id, dossierID: dossier.id,
                                                      now: now, today: today, loaded: applicant, reload: false)
            }
            var beneficiaryID = dossier.beneficiaryID
            var beneficiaryName = beneficiary?.displayName
            if procedure.beneficiary != nil, beneficiaryID == nil {
                beneficiaryID = try Self.createBeneficiary(db, normalized, procedure: procedure, applicantID: applicant.id,
                                                           provenance: provenance, agentID: agent.id,
                                                           dossierID: dossier.id, now: now, today: today)
                beneficiaryName = try beneficiaryID.flatMap { try TierService.read(db, id: $0) }?.displayName
            } else if let beneficiary, !beneficiaryChanges.isEmpty {
                beneficiaryName = try TierService.update(
                    db, id: beneficiary.id, expectedVersion: beneficiary.version,
                    changes: beneficiaryChanges.mapValues { Optional($0) }, provenance: provenance,
                    confirmingVerifiedChanges: true, agentID: agent.id, dossierID: dossier.id, now: now, today: today,
                    loaded: beneficiary, reload: false).displayName
            }

            var documents: [String: Int64] = [:]
            var pieces: [String: PieceStatus] = [:]
            var received: [String] = []
            var missing: [String] = []
            for requirement in procedure.pieces {
                let owner = requirement.concerns == .applicant ? applicant.id : beneficiaryID
                var status = dossier.pieces[requirement.key] ?? .missing
                switch status {
                case .reused(let documentID):
                    if let document = try DocumentService.fetch(db, ids: [documentID]).first,
                       let owner, document.ownerIDs.contains(owner) {
                        // A piece scanned into this dossier at the counter was handed in today, not on file before.
                        let scannedHere = try Bool.fetchOne(db, sql: """
                            SELECT 1 FROM dossier_document WHERE dossier_id = ? AND document_id = ?
                            """, arguments: [dossier.id, documentID]) ?? false
                        received.append("\(requirement.label) : "
                            + (scannedHere ? "remise au guichet, numérisée" : "déjà fournie") + " (\(document.summary))")
                    } else {
                        status = .missing
                    }
                case .handedIn(let issuedOn):
                    if let owner {
                        documents[requirement.key] = try DocumentService.insert(
                            db, type: requirement.documentType, issuedOn: issuedOn, validUntil: nil, owners: [owner],
                            agentID: agent.id, dossierID: dossier.id, now: now)
                        received.append("\(requirement.label) : remise au guichet")
                    } else {
                        status = .missing
                    }
                case .missing:
                    break
                }
                // A piece asked for only with other answers (another licence class) is not missing.
                if !status.isProvided, requirement.applies(to: dossier.answers) {
                    missing.append(requirement.label + (requirement.required ? "" : " (facultative)"))
                }
                pieces[requirement.key] = status
            }
            if pieces != saved.pieces || !documents.isEmpty {
                try DossierRow.writePieces(db, dossierID: dossier.id, pieces: pieces, documents: documents)
            }

            let due = today.adding(days: procedure.deadlineDays)
            try db.cachedStatement(sql: """
                UPDATE dossier SET number = ?, tracking_code = ?, state = 'depose', answers = ?, beneficiary_id = ?,
                    submitted_at = ?, due_on = ?, updated_at = ?, focus = NULL, version = version + 1
                WHERE id = ?
                """).execute(arguments: [number, tracking, DossierRow.encode(normalized), beneficiaryID, at, due.iso, at, dossier.id])
            var payload = ["numero": number, "demarche": procedure.code, "pieces_manquantes": String(missing.count),
                           "champs_ecrits": (applicantChanges.keys.map { "demandeur." + $0.rawValue }
                                             + beneficiaryChanges.keys.map { "beneficiaire." + $0.rawValue }).sorted()
                                             .joined(separator: ",")]
            if let beneficiaryID { payload["beneficiaire"] = String(beneficiaryID) }
            try EventLog.append(db, kind: .dossierSubmitted, agentID: agent.id, tierID: applicant.id, dossierID: dossier.id,
                                payload: payload, at: now)
            var submitted = saved
            submitted.number = number
            submitted.trackingCode = tracking
            submitted.state = .submitted
            submitted.answers = normalized
            submitted.pieces = pieces
            submitted.beneficiaryID = beneficiaryID
            submitted.submittedAt = at
            submitted.updatedAt = at
            submitted.dueOn = due.iso
            submitted.focus = nil
            let receipt = Receipt(number: number, trackingCode: tracking, procedureCode: procedure.code,
                                  procedureTitle: procedure.title, applicantName: applicantNow.displayName,
                                  beneficiaryName: beneficiaryName, submittedAt: at, dueOn: due,
                                  received: received, missing: missing, agentName: agent.fullName)
            return SubmittedDossier(dossier: submitted, receipt: receipt)
        }
    }

    /// The stored form of every answer, or every message to fix (in form order).
    static func validate(_ answers: [String: String], procedure: Procedure,
                         today: CalendarDate) throws -> [String: String] {
        var errors: [DossierValidationFailed.FieldError] = []
        var normalized: [String: String] = [:]
        for field in procedure.fields {
            do {
                if let value = try ProcedureAnswerValidator.normalize(answers[field.key] ?? "", for: field, today: today) {
                    normalized[field.key] = value
                } else if field.required {
                    errors.append(.init(key: field.key, message: "\(field.label) : champ obligatoire."))
                }
            } catch {
                errors.append(.init(key: field.key, message: error.message))
            }
        }
        for side in [PieceOwner.applicant, .beneficiary] {
            let prefix = side == .applicant ? "demandeur." : "beneficiaire."
            if let commune = normalized[prefix + TierField.commune.rawValue],
               let code = normalized[prefix + TierField.postalCode.rawValue],
               let problem = FieldValidator.checkCommune(commune, postalCode: code),
               !errors.contains(where: { $0.key == prefix + TierField.postalCode.rawValue }) {
                errors.append(.init(key: prefix + TierField.postalCode.rawValue, message: problem.message))
            }
        }
        guard errors.isEmpty else { throw DossierValidationFailed(errors: errors) }
        return normalized
    }

    /// The tier fields of one side whose answer differs from the tier's current value. An answer
    /// left empty never erases what the tier holds.
    static func changes(_ normalized: [String: String], procedure: Procedure, side: PieceOwner,
                        tier: TierSnapshot) -> [TierField: String] {
        var result: [TierField: String] = [:]
        let current = tier.current   // derived from the history: computed once
        for field in procedure.fields {
            let tierField: TierField
            switch (field.binding, side) {
            case (.applicant(let bound), .applicant), (.beneficiary(let bound), .beneficiary): tierField = bound
            default: continue
            }
            if let value = normalized[field.key], value != current[tierField]?.value { result[tierField] = value }
        }
        return result
    }

    /// Refuses to write a field a colleague changed since the form opened (their newer fact would
    /// be silently replaced); changes to other fields meanwhile do not matter.
    static func checkFresh(_ tier: TierSnapshot, since version: Int, writing changes: [TierField: String]) throws {
        guard tier.version != version else { return }
        let clashing = tier.history.filter { $0.seq > version && changes[$0.field] != nil }
        guard !clashing.isEmpty else { return }
        throw StaleTierError(tierID: tier.id, expectedVersion: version, currentVersion: tier.version, changes: clashing)
    }

    static func createBeneficiary(_ db: any StoreSession, _ normalized: [String: String], procedure: Procedure, applicantID: Int64,
                                  provenance: Provenance, agentID: Int64, dossierID: Int64, now: Date,
                                  today: CalendarDate) throws -> Int64 {
        var values: [TierField: String] = [:]
        for field in procedure.fields {
            if case .beneficiary(let tierField) = field.binding, let value = normalized[field.key] { values[tierField] = value }
        }
        let validation = TierValidator.validate(kind: .person, values: values, today: today)
        guard validation.errors.isEmpty else {
            throw DossierValidationFailed(errors: validation.errors.map { error in
                let key = error.field.map { "beneficiaire." + $0.rawValue } ?? ""
                let label = procedure.beneficiary?.label ?? "Bénéficiaire"
                return .init(key: key, message: "\(label) : \(error.message)")
            })
        }
        let id = try TierService.insert(db, kind: .person, current: validation.normalized, provenance: provenance,
                                        agentID: agentID, dossierID: dossierID, now: now)
        let kind = procedure.beneficiary?.relations.first ?? .legalRepresentative
        try TierService.insertRelation(db, id, kind: kind, to: applicantID, agentID: agentID, dossierID: dossierID, now: now)
        return id
    }

    /// The next number of a procedure for a year: `BS-2026-000123`.
    static func allocateNumber(_ db: any StoreSession, prefix: String, year: Int) throws -> String {
        let last = try Int.fetchOne(db.cachedStatement(sql: """
            INSERT INTO dossier_number (prefix, year, last) VALUES (?, ?, 1)
            ON CONFLICT(prefix, year) DO UPDATE SET last = last + 1 RETURNING last
            """), arguments: [prefix, year]) ?? 1
        let digits = String(last)
        return "\(prefix)-\(year)-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func allocateTrackingCode(_ db: any StoreSession) throws -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let code = TrackingCode.make(using: &generator)
            if try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM dossier WHERE tracking_code = ?"), arguments: [code]) == 0 {
                return code
            }
        }
    }
}
