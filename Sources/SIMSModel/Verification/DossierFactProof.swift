import Foundation

/// The facts a dossier's pieces prove, validated (level 2) when the dossier is accepted.
///
/// The pieces are the documents attached to the dossier or answering one of its required pieces,
/// that belong to its applicant or beneficiary and are still valid on the day of the decision;
/// each proves the fields of its type (``DocumentProof``). A fact is offered when the tier holds a
/// value for that field below « validé ».
///
/// ```swift
/// let facts = try WorkflowService(store: store).provableFacts(dossierID: id)   // shown in the decision form
/// try workflow.perform(.decide(.accepted, motif: "Conforme."), on: id, reviewLevels: 2,
///                      validating: facts, by: superviseur)
/// ```
public enum DossierFactProof {
    /// The facts the pieces of the dossier prove, applicant first, in form order.
    static func provable(_ db: any StoreSession, dossierID: Int64, today: CalendarDate) throws -> [ProvableFact] {
        guard let row = try StoreRow.fetchOne(db, sql: "SELECT applicant_id, beneficiary_id FROM dossier WHERE id = ?",
                                         arguments: [dossierID]) else { return [] }
        let ids = try Int64.fetchAll(db, sql: """
            SELECT document_id FROM dossier_document WHERE dossier_id = ?
            UNION SELECT document_id FROM dossier_piece WHERE dossier_id = ? AND document_id IS NOT NULL
            """, arguments: [dossierID, dossierID])
        let documents = try DocumentService.fetch(db, ids: ids).filter { !DocumentProof.isExpired($0, today: today) }
        var result: [ProvableFact] = []
        let sides: [(Int64?, String)] = [(row[0], "Demandeur"), (row[1], "Bénéficiaire")]
        for case (let tierID?, let role) in sides {
            guard let tier = try TierService.loadSnapshot(db, id: tierID, relations: false) else { continue }
            let current = tier.current
            let owned = documents.filter { $0.ownerIDs.contains(tierID) }
            for field in TierField.fields(of: tier.kind) {
                guard let fact = current[field], let value = fact.value, fact.level < .validated,
                      let document = owned.first(where: { DocumentProof.proves($0.type, field) }) else { continue }
                result.append(ProvableFact(tierID: tierID, role: role, field: field, value: value, level: fact.level,
                                           document: document))
            }
        }
        return result
    }

    /// The decision's payload entry naming the facts it validates: `demandeur.date_naissance,...`.
    static func payloadValue(_ facts: [ProvableFact]) -> String {
        facts.map { "\($0.role.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\($0.field.rawValue)" }
            .joined(separator: ",")
    }

    /// Checks that the facts shown in the decision form still hold the same values and can still be
    /// validated: refused with what changed otherwise (nothing written).
    static func checkUnchanged(_ db: any StoreSession, _ shown: [ProvableFact], dossierID: Int64, today: CalendarDate) throws {
        let fresh = try provable(db, dossierID: dossierID, today: today)
        let changed = shown.filter { shown in
            !fresh.contains { $0.tierID == shown.tierID && $0.field == shown.field && $0.value == shown.value }
        }
        guard changed.isEmpty else {
            let names = changed.map { "\($0.role) · \($0.field.label)" }.joined(separator: ", ")
            throw WorkflowRefusal("Ces faits ont changé depuis l'ouverture du formulaire : \(names). "
                + "Rien n'a été décidé ; fermez le formulaire (Échap) et décidez à nouveau.")
        }
    }

    /// Validates the facts in the caller's transaction, covered by the decision's event.
    static func validate(_ db: any StoreSession, _ facts: [ProvableFact], number: String, dossierID: Int64, agentID: Int64,
                         eventID: Int64, now: Date) throws {
        let byTier = Dictionary(grouping: facts, by: \.tierID)
        for tierID in byTier.keys.sorted() {
            guard let tier = try TierService.loadSnapshot(db, id: tierID, relations: false), let group = byTier[tierID] else { continue }
            let current = tier.current
            let raised = group.compactMap { current[$0.field] }
            let documents = Set(group.map(\.document.id)).sorted().map { FactEvidence.reference(document: $0) }
            let provenance = Provenance(source: .validation,
                                        reference: ([FactEvidence.decisionPrefix + number] + documents).joined(separator: " "),
                                        level: .validated)
            try FactVerificationService.raise(db, tier: tier, facts: raised, provenance: provenance, kind: .factsValidated,
                                              extra: [:], agentID: agentID, dossierID: dossierID, eventID: eventID, now: now)
        }
    }
}
