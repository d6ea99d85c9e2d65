import Foundation

/// Raises the verification level of facts, each raise one transaction with its event: an agent
/// checks facts against a document of the tier (« vérifié sur pièce », level 1), a superviseur
/// validates facts with a motif (level 2). A decision accepting a dossier validates the facts its
/// pieces prove (``DossierFactProof``, in the decision's transaction).
///
/// A raise writes a new fact record with the same values at the new level, naming its evidence
/// (`piece:<id>`, `motif:<text>`), and a new version of the tier: an edit form opened before it is
/// refused as stale, and so is a colleague verifying the same tier at the same time. A value
/// changed afterwards starts again at « déclaré ».
///
/// ```swift
/// let verification = FactVerificationService(store: store)
/// let tier = try verification.verify(tierID: id, expectedVersion: seen.version,
///                                    fields: [.birthName, .givenNames, .birthDate], documentID: card.id, by: agent)
/// try verification.validate(tierID: id, expectedVersion: tier.version, fields: [.address],
///                           motif: "Vu l'acte notarié", by: superviseur)
/// ```
public struct FactVerificationService: Sendable {
    public let store: SIMSStore

    /// The longest motif of a validation.
    public static let maxMotifLength = 200

    public init(store: SIMSStore) { self.store = store }

    /// Records that the agent checked `fields` of the tier against `documentID`: level 1.
    ///
    /// Refused with ``VerificationRefusal`` (document of another tier, expired, of a type that does
    /// not prove a field, a field without value or already validated) and ``StaleTierError``.
    @discardableResult
    public func verify(tierID: Int64, expectedVersion: Int, fields: [TierField], documentID: Int64,
                       by agent: Agent) throws -> TierSnapshot {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "vérifier une fiche sur pièce")
        let today = store.clock.today()
        return try store.write { db in
            let tier = try Self.loadFresh(db, tierID: tierID, expectedVersion: expectedVersion)
            guard let document = try DocumentService.fetch(db, ids: [documentID]).first else {
                throw VerificationRefusal("Pièce n° \(documentID) introuvable : choisissez une pièce de la fiche.")
            }
            let facts = try Self.facts(of: tier, fields, raisingTo: .checkedAgainstDocument)
            if let refusal = DocumentProof.refusal(document, proving: facts.map(\.field), of: tierID, today: today) {
                throw VerificationRefusal(refusal)
            }
            let provenance = Provenance(source: .document, reference: FactEvidence.reference(document: documentID),
                                        level: .checkedAgainstDocument)
            return try Self.raise(db, tier: tier, facts: facts, provenance: provenance, kind: .factsVerified,
                                  extra: ["document": String(documentID), "type_piece": document.type.rawValue],
                                  agentID: agent.id, now: store.clock.now())
        }
    }

    /// Records a superviseur's validation of `fields` with a motif: level 2.
    @discardableResult
    public func validate(tierID: Int64, expectedVersion: Int, fields: [TierField], motif: String,
                         by agent: Agent) throws -> TierSnapshot {
        guard agent.has(.supervisor) else {
            throw VerificationRefusal("Seul un superviseur peut valider un fait hors décision : demandez à un superviseur.")
        }
        let motif = motif.trimmingCharacters(in: .whitespaces)
        guard !motif.isEmpty else {
            throw VerificationRefusal("Motif : dites sur quoi repose la validation (pièce vue, source consultée…).")
        }
        guard motif.count <= Self.maxMotifLength, !motif.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw VerificationRefusal("Motif : au plus \(Self.maxMotifLength) caractères, sur une seule ligne.")
        }
        return try store.write { db in
            let tier = try Self.loadFresh(db, tierID: tierID, expectedVersion: expectedVersion)
            let facts = try Self.facts(of: tier, fields, raisingTo: .validated)
            let provenance = Provenance(source: .validation, reference: FactEvidence.motifPrefix + motif, level: .validated)
            return try Self.raise(db, tier: tier, facts: facts, provenance: provenance, kind: .factsValidated,
                                  extra: ["motif": motif], agentID: agent.id, now: store.clock.now())
        }
    }

    /// The tier as stored, refused as stale when it changed since `expectedVersion`.
    static func loadFresh(_ db: any StoreSession, tierID: Int64, expectedVersion: Int) throws -> TierSnapshot {
        try TierRedirect.refuseIfAbsorbed(db, id: tierID)
        guard let tier = try TierService.loadSnapshot(db, id: tierID, relations: false) else { throw TierService.notFound(tierID) }
        guard tier.version == expectedVersion else {
            throw StaleTierError(tierID: tierID, expectedVersion: expectedVersion, currentVersion: tier.version,
                                 changes: tier.history.filter { $0.seq > expectedVersion })
        }
        return tier
    }

    /// The current facts of `fields`, each with a value and below `level`.
    static func facts(of tier: TierSnapshot, _ fields: [TierField], raisingTo level: VerificationLevel) throws -> [Fact] {
        guard !fields.isEmpty else {
            throw VerificationRefusal("Choisissez d'abord les faits (Espace sur chaque ligne, ou la ligne sélectionnée).")
        }
        let current = tier.current
        var facts: [Fact] = []
        for field in TierField.allCases where fields.contains(field) {
            guard let fact = current[field] else {
                throw VerificationRefusal("\(field.label) : aucune valeur à vérifier ; saisissez-la d'abord (F6).")
            }
            guard fact.level < level else {
                throw VerificationRefusal("\(field.label) est déjà \(fact.level.label) : rien à changer.")
            }
            facts.append(fact)
        }
        return facts
    }

    /// Re-records `facts` with their values at `provenance`'s level, with their event, as a new
    /// version of the tier; inside the caller's transaction. `eventID`: the event of the caller
    /// that covers this write (a decision), else one of `kind` is appended.
    @discardableResult
    static func raise(_ db: any StoreSession, tier: TierSnapshot, facts: [Fact], provenance: Provenance, kind: EventKind,
                      extra: [String: String], agentID: Int64, dossierID: Int64? = nil, eventID: Int64? = nil,
                      now: Date) throws -> TierSnapshot {
        var values: [TierField: String?] = [:]
        for fact in facts { values[fact.field] = fact.value }
        let at = Timestamp.string(from: now)
        let version = tier.version + 1
        var payload = TierService.payload(values, provenance)
        payload["version"] = String(version)
        payload.merge(extra) { _, new in new }
        let eventID = try eventID ?? EventLog.append(db, kind: kind, agentID: agentID, tierID: tier.id, dossierID: dossierID,
                                                     payload: payload, at: now)
        try TierRowWriter.insertFacts(db, tierID: tier.id, seq: version, values: values, provenance: provenance,
                                      agentID: agentID, at: at, eventID: eventID)
        var after = tier
        after.version = version
        after.updatedAt = at
        for fact in facts {
            after.history.append(Fact(tierID: tier.id, field: fact.field, value: fact.value, seq: version,
                                      source: provenance.source, reference: provenance.reference, level: provenance.level,
                                      agentID: agentID, agentLogin: nil, recordedAt: at, eventID: eventID))
        }
        try TierRowWriter.updateVersion(db, id: tier.id, version: version,
                                        minLevel: TierRowWriter.minLevel(of: Array(after.current.values)), at: at)
        return try TierService.loadSnapshot(db, id: tier.id) ?? after
    }
}
