import Foundation

/// Creates, updates, relates and opens tiers. Each action is one transaction with its event.
///
/// ```swift
/// let tiers = TierService(store: store)
/// let created = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Hélène",
///                                                        .birthDate: "14/03/1985"], by: agent)
/// let seen = try tiers.open(id: created.id, by: agent)           // records the consultation
/// try tiers.update(id: seen.id, expectedVersion: seen.version, changes: [.phone: "25 12 34"], by: agent)
/// ```
public struct TierService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Creates a tier from values typed by an agent (validated and normalised here).
    /// `despiteDuplicate`: the likely duplicate the agent was shown and chose not to open (its
    /// id and probability), named in the creation event; the pair is kept as « personnes
    /// différentes » (``DuplicateReview``) so that it is not proposed again unless a fact changes.
    @discardableResult
    public func create(kind: TierKind, values: [TierField: String], provenance: Provenance = .counter,
                       despiteDuplicate: DuplicateCandidate? = nil, by agent: Agent) throws -> TierSnapshot {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "créer un tiers")
        try Self.requireDeclared(provenance)
        let validation = TierValidator.validate(kind: kind, values: values, today: store.clock.today())
        guard validation.errors.isEmpty else { throw TierValidationFailed(errors: validation.errors) }
        let current = validation.normalized
        // The snapshot is read in the same transaction: a read on another connection could sit on an
        // older WAL snapshot.
        return try store.write { db in
            var extra: [String: String] = [:]
            if let duplicate = despiteDuplicate {
                extra["doublon_ecarte"] = String(duplicate.hit.tierID)
                extra["doublon_probabilite"] = String(format: "%.3f", duplicate.likelihood)
            }
            let id = try Self.insert(db, kind: kind, current: current, provenance: provenance, agentID: agent.id,
                                     now: store.clock.now(), extraPayload: extra)
            if let duplicate = despiteDuplicate {
                // Not proposed again (entry, bulk analysis) while neither record changes.
                try DuplicateReview.recordDifferent(db, duplicate.hit.tierID, id, probability: duplicate.likelihood,
                                                    reasons: duplicate.reason.isEmpty ? [] : duplicate.reason.components(separatedBy: ", "),
                                                    agentID: agent.id, at: store.clock.now())
            }
            guard let created = try Self.loadSnapshot(db, id: id) else { throw Self.notFound(id) }
            return created
        }
    }

    /// Inserts a tier from validated, normalised values with its facts, search tokens and event,
    /// inside the caller's transaction; returns its id.
    static func insert(_ db: any StoreSession, kind: TierKind, current: [TierField: String], provenance: Provenance,
                       agentID: Int64, dossierID: Int64? = nil, now: Date, extraPayload: [String: String] = [:]) throws -> Int64 {
        let at = Timestamp.string(from: now)
        let entry = SearchTokenizer.entry(kind: kind, values: current)
        let id = try TierRowWriter.insertTier(db, kind: kind, current: current, minLevel: provenance.level,
                                              entry: entry, at: at)
        let eventID = try EventLog.append(db, kind: .tierCreated, agentID: agentID, tierID: id, dossierID: dossierID,
                                          payload: Self.payload(current.mapValues { Optional($0) }, provenance)
                                            .merging(extraPayload) { $1 }, at: now)
        try TierRowWriter.insertFacts(db, tierID: id, seq: 1, values: current.mapValues { Optional($0) },
                                      provenance: provenance, agentID: agentID, at: at, eventID: eventID)
        try TierRowWriter.insertTokens(db, tierID: id, tokens: entry.tokens)
        try TierRowWriter.addVocabulary(db, words: entry.vocabulary, count: 1)
        return id
    }

    /// Updates some fields of a tier. `changes` maps a field to its new typed value, or nil to erase it.
    ///
    /// Refused with ``StaleTierError`` when the tier changed since `expectedVersion`, and with
    /// ``VerifiedFactChange`` when a verified fact would change without confirmation.
    @discardableResult
    public func update(id: Int64, expectedVersion: Int, changes: [TierField: String?],
                       provenance: Provenance = .counter, confirmingVerifiedChanges: Bool = false,
                       by agent: Agent) throws -> TierSnapshot {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "modifier un tiers")
        try Self.requireDeclared(provenance)
        return try store.write { db in
            try Self.update(db, id: id, expectedVersion: expectedVersion, changes: changes, provenance: provenance,
                            confirmingVerifiedChanges: confirmingVerifiedChanges, agentID: agent.id,
                            now: store.clock.now(), today: store.clock.today())
        }
    }

    /// The update itself, inside the caller's transaction (a dossier writes its facts back this way).
    @discardableResult
    static func update(_ db: any StoreSession, id: Int64, expectedVersion: Int, changes: [TierField: String?],
                       provenance: Provenance, confirmingVerifiedChanges: Bool, agentID: Int64,
                       dossierID: Int64? = nil, now: Date, today: CalendarDate,
                       loaded: TierSnapshot? = nil, reload: Bool = true) throws -> TierSnapshot {
        // `loaded`: the tier as the caller just read it in this same transaction.
        try TierRedirect.refuseIfAbsorbed(db, id: id)
        try TierErasure.refuseIfErased(db, id: id)
        guard let before = try loaded ?? Self.loadSnapshot(db, id: id) else { throw Self.notFound(id) }
        if before.version != expectedVersion {
            throw StaleTierError(tierID: id, expectedVersion: expectedVersion, currentVersion: before.version,
                                 changes: before.history.filter { $0.seq > expectedVersion })
        }
        let current = before.current   // derived from the history: computed once
        var merged = current.compactMapValues(\.value)
        let mergedBefore = merged
        var typed = merged
        for (field, value) in changes { typed[field] = value ?? "" }
        let validation = TierValidator.validate(kind: before.kind, values: typed, today: today)
        let changedFields = Set(changes.keys)
        let relevant = validation.errors.filter { error in
            guard let field = error.field else { return true }
            return changedFields.contains(field) || (field == .postalCode || field == .commune)
                && (changedFields.contains(.postalCode) || changedFields.contains(.commune))
                || field.isRequired(for: before.kind) && changedFields.contains(field)
        }
        guard relevant.isEmpty else { throw TierValidationFailed(errors: relevant) }
        var written: [TierField: String?] = [:]
        for field in changedFields {
            let newValue = validation.normalized[field]
            if newValue != merged[field] { written[field] = .some(newValue) }
        }
        guard !written.isEmpty else { return before }
        let verified = written.keys.compactMap { current[$0] }.filter { $0.level > .declared }
        if !verified.isEmpty, !confirmingVerifiedChanges {
            throw VerifiedFactChange(facts: verified.sorted { $0.field.rawValue < $1.field.rawValue })
        }
        for (field, value) in written { merged[field] = value ?? nil }
        let at = Timestamp.string(from: now)
        let version = before.version + 1
        let eventID = try EventLog.append(db, kind: .tierUpdated, agentID: agentID, tierID: id, dossierID: dossierID,
                                          payload: Self.payload(written, provenance), at: now)
        try TierRowWriter.insertFacts(db, tierID: id, seq: version, values: written, provenance: provenance,
                                      agentID: agentID, at: at, eventID: eventID)
        var levels = current
        for (field, value) in written {
            levels[field] = value == nil ? nil : Fact(tierID: id, field: field, value: value, seq: version,
                                                      source: provenance.source, reference: nil, level: provenance.level,
                                                      agentID: nil, agentLogin: nil, recordedAt: at, eventID: 0)
        }
        let minLevel = TierRowWriter.minLevel(of: Array(levels.values))
        try TierRowWriter.updateTier(db, id: id, kind: before.kind, version: version, current: merged,
                                     minLevel: minLevel,
                                     oldEntry: SearchTokenizer.entry(kind: before.kind, values: mergedBefore),
                                     newEntry: SearchTokenizer.entry(kind: before.kind, values: merged), at: at)
        guard reload else {
            // The caller only needs the new current values: the facts just written, without a re-read.
            var after = before
            after.version = version
            after.updatedAt = at
            for field in written.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                after.history.append(Fact(tierID: id, field: field, value: written[field] ?? nil, seq: version,
                                          source: provenance.source, reference: provenance.reference, level: provenance.level,
                                          agentID: agentID, agentLogin: nil, recordedAt: at, eventID: eventID))
            }
            return after
        }
        guard let after = try Self.loadSnapshot(db, id: id) else { throw Self.notFound(id) }
        return after
    }

    /// Records that `related` is the `kind` of `tier` (e.g. the représentant légal of a minor).
    public func relate(_ tierID: Int64, kind: RelationKind, to relatedID: Int64, by agent: Agent) throws {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "lier deux tiers")
        guard tierID != relatedID else {
            throw ValidationError(field: nil, message: "Un tiers ne peut pas être lié à lui-même.")
        }
        try store.write { db in
            try TierRedirect.refuseIfAbsorbed(db, id: tierID)
            try TierRedirect.refuseIfAbsorbed(db, id: relatedID)
            guard let subject = try TierKind.fetch(db, id: tierID) else { throw Self.notFound(tierID) }
            guard let related = try TierKind.fetch(db, id: relatedID) else { throw Self.notFound(relatedID) }
            switch kind {
            case .legalRepresentative, .parent:
                guard subject == .person else {
                    throw ValidationError(field: nil, message: "Seule une personne peut avoir un \(kind.label.lowercased()).")
                }
            case .manager:
                guard subject == .organisation, related == .person else {
                    throw ValidationError(field: nil, message: "Le gérant est une personne, gérant d'une organisation.")
                }
            }
            try Self.insertRelation(db, tierID, kind: kind, to: relatedID, agentID: agent.id, now: store.clock.now())
        }
    }

    /// Writes a relation and its event inside the caller's transaction (kinds already checked).
    static func insertRelation(_ db: any StoreSession, _ tierID: Int64, kind: RelationKind, to relatedID: Int64, agentID: Int64,
                               dossierID: Int64? = nil, now: Date) throws {
        let eventID = try EventLog.append(db, kind: .relationAdded, agentID: agentID, tierID: tierID, dossierID: dossierID,
                                          payload: ["relation": kind.rawValue, "tiers_lie": String(relatedID)], at: now)
        try db.cachedStatement(sql: """
            INSERT INTO relation (tier_id, kind, related_id, created_at, event_id) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """).execute(arguments: [tierID, kind.rawValue, relatedID, Timestamp.string(from: now), eventID])
    }

    /// Opens a tier's record for an agent: the consultation is recorded in the audit log, with
    /// `motif` when given. A restricted tier (``TierRestrictionService``) opens only with a motif:
    /// without one, ``RestrictedTierRefusal``.
    public func open(id: Int64, by agent: Agent, motif: String? = nil) throws -> TierSnapshot {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "consulter une fiche")
        return try store.write { db in
            try TierErasure.refuseIfErased(db, id: id)
            guard let snapshot = try Self.loadSnapshot(db, id: id) else { throw Self.notFound(id) }
            var payload = try TierRestrictionService.consultationPayload(db, tierIDs: [id], motif: motif, context: .record)
            payload["version"] = String(snapshot.version)
            try EventLog.append(db, kind: .tierConsulted, agentID: agent.id, tierID: id, payload: payload,
                                at: store.clock.now())
            return snapshot
        }
    }

    /// The tier as stored, without recording a consultation (for the model's own use).
    public func snapshot(id: Int64) throws -> TierSnapshot {
        try store.read { db in
            guard let snapshot = try Self.loadSnapshot(db, id: id) else { throw Self.notFound(id) }
            return snapshot
        }
    }

    /// The tier as stored, inside an open read, without recording a consultation (benchmarks, exports).
    package static func read(_ db: any StoreSession, id: Int64) throws -> TierSnapshot? {
        try loadSnapshot(db, id: id)
    }

    /// A value typed or changed is « déclaré »: a level is earned only on a document, by a
    /// superviseur's motif or by a decision (``FactVerificationService``), or brought by a trusted
    /// source's import (``ImportSource``), each recorded as such.
    static func requireDeclared(_ provenance: Provenance) throws {
        guard provenance.level == .declared else {
            throw VerificationRefusal("Une valeur saisie est « déclarée » : vérifiez-la ensuite sur une pièce du tiers "
                + "(ou faites-la valider) ; rien n'a été enregistré.")
        }
    }

    static func notFound(_ id: Int64) -> ValidationError {
        ValidationError(field: nil, message: "Aucun tiers n° \(id) : vérifiez le numéro ou recherchez-le par son nom.")
    }

    static func payload(_ values: [TierField: String?], _ provenance: Provenance) -> [String: String] {
        var payload: [String: String] = ["champs": FactValuesCoding.encode(values), "source": provenance.source.rawValue,
                                         "niveau": String(provenance.level.rawValue)]
        if let reference = provenance.reference { payload["reference"] = reference }
        return payload
    }

    /// The tier with its history, and its relations unless `relations` is false (the write paths
    /// only need the facts). Columns are read by position: the hot paths load a snapshot per action.
    static func loadSnapshot(_ db: any StoreSession, id: Int64, relations withRelations: Bool = true) throws -> TierSnapshot? {
        guard let row = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT kind, version, created_at, updated_at FROM tier WHERE id = ?"),
                                         arguments: [id]),
              let kind = TierKind(rawValue: row[0]) else { return nil }
        var history: [Fact] = []
        let facts = try StoreRow.fetchCursor(db.cachedStatement(sql: """
            SELECT f.field_values, f.seq, f.source, f.source_ref, f.level, f.agent_id, a.login, f.recorded_at, f.event_id
            FROM fact_record f LEFT JOIN agent a ON a.id = f.agent_id
            WHERE f.tier_id = ? ORDER BY f.seq
            """), arguments: [id])
        while let fact = try facts.next() {
            let values = FactValuesCoding.decode(fact[0])
            let seq: Int = fact[1]
            let source = FactSource(rawValue: fact[2]) ?? .counter
            let reference: String? = fact[3]
            let level = VerificationLevel(rawValue: fact[4]) ?? .declared
            let agentID: Int64? = fact[5], login: String? = fact[6], recordedAt: String = fact[7], eventID: Int64 = fact[8]
            for field in values.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
                history.append(Fact(tierID: id, field: field, value: values[field] ?? nil, seq: seq, source: source,
                                    reference: reference, level: level, agentID: agentID, agentLogin: login,
                                    recordedAt: recordedAt, eventID: eventID))
            }
        }
        var relations: [Relation] = [], inverse: [Relation] = []
        if withRelations {
            relations = try StoreRow.fetchAll(db.cachedStatement(sql: """
                SELECT r.tier_id, r.kind, r.related_id, r.created_at, t.display_name FROM relation r
                JOIN tier t ON t.id = r.related_id WHERE r.tier_id = ? ORDER BY r.kind, r.related_id
                """), arguments: [id]).map(Self.relation)
            inverse = try StoreRow.fetchAll(db.cachedStatement(sql: """
                SELECT r.tier_id, r.kind, r.related_id, r.created_at, t.display_name FROM relation r
                JOIN tier t ON t.id = r.tier_id WHERE r.related_id = ? ORDER BY r.kind, r.tier_id
                """), arguments: [id]).map(Self.relation)
        }
        return TierSnapshot(id: id, kind: kind, version: row[1], createdAt: row[2], updatedAt: row[3], history: history,
                            relations: relations, inverseRelations: inverse)
    }

    private static func relation(_ row: StoreRow) -> Relation {
        Relation(tierID: row[0], kind: RelationKind(rawValue: row[1]) ?? .parent, relatedID: row[2], createdAt: row[3],
                 otherName: row[4])
    }
}
