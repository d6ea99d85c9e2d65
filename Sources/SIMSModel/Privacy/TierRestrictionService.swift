import Foundation

/// Restricts a tier's processing (RGPD « limitation ») and lifts it, and guards every read that
/// shows a restricted tier's data: such a consultation needs a motif, recorded in its event.
///
/// ```swift
/// let restrictions = TierRestrictionService(store: store)
/// try restrictions.restrict(tierID: 42, motif: "Contestation de l'exactitude (courrier du 02/12)", by: superviseur)
/// try TierService(store: store).open(id: 42, by: agent)                       // RestrictedTierRefusal
/// try TierService(store: store).open(id: 42, by: agent, motif: "Dossier BS en cours")  // recorded
/// try restrictions.lift(tierID: 42, motif: "Exactitude vérifiée", by: superviseur)
/// ```
public struct TierRestrictionService: Sendable {
    public let store: SIMSStore

    /// The longest motif of a restriction, its lifting or a consultation.
    public static let maxMotifLength = 200

    public init(store: SIMSStore) { self.store = store }

    /// Marks the tier restricted (superviseurs): from now on its data is shown only with a motif.
    @discardableResult
    public func restrict(tierID: Int64, motif: String, by agent: Agent) throws -> TierRestriction {
        try AgentService.require(agent, .supervisor, to: "limiter le traitement d'une fiche")
        let motif = try Self.checkedMotif(motif, what: "la limitation (la demande de la personne, sa date)")
        return try store.write { db in
            guard let name = try Self.tierName(db, tierID) else { throw TierService.notFound(tierID) }
            if let current = try Self.inForce(db, tierID: tierID) {
                throw ValidationError(field: nil, message: "« \(name) » est déjà limitée depuis le "
                    + "\(Timestamp.french(current.restrictedAt)) (\(current.restrictedBy) : « \(current.motif) »).")
            }
            let now = store.clock.now()
            let eventID = try EventLog.append(db, kind: .tierRestricted, agentID: agent.id, tierID: tierID,
                                              payload: ["motif": motif], at: now)
            try db.execute(sql: """
                INSERT INTO tier_restriction (tier_id, motif, restricted_by, restricted_at, event_id) VALUES (?, ?, ?, ?, ?)
                """, arguments: [tierID, motif, agent.id, Timestamp.string(from: now), eventID])
            guard let created = try Self.inForce(db, tierID: tierID) else { throw TierService.notFound(tierID) }
            return created
        }
    }

    /// Lifts the restriction in force (superviseurs), with the reason.
    @discardableResult
    public func lift(tierID: Int64, motif: String, by agent: Agent) throws -> TierRestriction {
        try AgentService.require(agent, .supervisor, to: "lever la limitation d'une fiche")
        let motif = try Self.checkedMotif(motif, what: "la levée de la limitation")
        return try store.write { db in
            guard let name = try Self.tierName(db, tierID) else { throw TierService.notFound(tierID) }
            // The tier's own restriction and those of the records merged into it (one person).
            let inForce = try Self.history(db, tierID: tierID, inForceOnly: true)
            guard let current = inForce.first else {
                throw ValidationError(field: nil, message: "« \(name) » n'est pas limitée : rien à lever.")
            }
            let now = store.clock.now()
            let eventID = try EventLog.append(db, kind: .tierRestrictionLifted, agentID: agent.id, tierID: tierID,
                                              payload: ["motif": motif, "limitation": inForce.map { String($0.id) }.joined(separator: ",")],
                                              at: now)
            for restriction in inForce {
                try db.execute(sql: """
                    UPDATE tier_restriction SET lifted_by = ?, lifted_at = ?, lift_motif = ?, lift_event_id = ? WHERE id = ?
                    """, arguments: [agent.id, Timestamp.string(from: now), motif, eventID, restriction.id])
            }
            return try Self.history(db, tierID: tierID).first { $0.id == current.id } ?? current
        }
    }

    /// The restriction in force on a tier, if any: its own, or that of a record merged into it.
    public func inForce(tierID: Int64) throws -> TierRestriction? {
        try store.read { db in try Self.inForce(db, tierID: tierID) }
    }

    /// Every restriction of a tier and of the records merged into it, oldest first, lifted ones included.
    public func history(tierID: Int64) throws -> [TierRestriction] {
        try store.read { db in try Self.history(db, tierID: tierID) }
    }

    static func inForce(_ db: any StoreSession, tierID: Int64) throws -> TierRestriction? {
        try history(db, tierID: tierID, inForceOnly: true).first
    }

    static func history(_ db: any StoreSession, tierID: Int64, inForceOnly: Bool = false) throws -> [TierRestriction] {
        try StoreRow.fetchAll(db, sql: """
            WITH RECURSIVE merged(id) AS (
                SELECT ? UNION SELECT m.absorbed_id FROM tier_merge m JOIN merged ON m.survivor_id = merged.id WHERE m.undone_at IS NULL)
            SELECT r.id, r.tier_id, r.motif, a.login, r.restricted_at, l.login, r.lifted_at, r.lift_motif
            FROM tier_restriction r JOIN agent a ON a.id = r.restricted_by LEFT JOIN agent l ON l.id = r.lifted_by
            WHERE r.tier_id IN (SELECT id FROM merged) \(inForceOnly ? "AND r.lifted_at IS NULL" : "") ORDER BY r.id
            """, arguments: [tierID]).map { row in
            TierRestriction(id: row[0], tierID: row[1], motif: row[2], restrictedBy: row[3], restrictedAt: row[4],
                            liftedBy: row[5], liftedAt: row[6], liftMotif: row[7])
        }
    }

    /// The tiers among `ids` whose processing is restricted now.
    public func restricted(among ids: [Int64]) throws -> Set<Int64> {
        try store.read { db in try Self.restrictedIDs(db, among: ids) }
    }

    // MARK: - Inside a transaction

    /// The tiers among `ids` whose processing is restricted now: restricted themselves, or having
    /// absorbed by a standing merge (directly or down a chain of merges) a restricted record, since
    /// a merge makes one person's record of two and the restriction is the person's.
    static func restrictedIDs(_ db: any StoreSession, among ids: [Int64]) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        // Most stores restrict few tiers, often none: one cached look first (every search asks).
        guard try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM tier_restriction WHERE lifted_at IS NULL)
            """)) == true else { return [] }
        return Set(try Int64.fetchAll(db, sql: """
            WITH RECURSIVE restricted(id) AS (
                SELECT tier_id FROM tier_restriction WHERE lifted_at IS NULL
                UNION SELECT m.survivor_id FROM tier_merge m JOIN restricted r ON m.absorbed_id = r.id WHERE m.undone_at IS NULL)
            SELECT id FROM restricted WHERE id IN (\(ids.map(String.init).joined(separator: ",")))
            """))
    }

    /// Search results as they may be shown: a restricted tier keeps its name and loses the rest
    /// (birth date, RIDET, commune, CAFAT, phone, email), marked ``SearchHit/restricted``.
    static func masked(_ db: any StoreSession, _ hits: [SearchHit]) throws -> [SearchHit] {
        let restricted = try restrictedIDs(db, among: hits.map(\.tierID))
        guard !restricted.isEmpty else { return hits }
        return hits.map { hit in
            guard restricted.contains(hit.tierID) else { return hit }
            var masked = hit
            masked.birthDate = nil
            masked.ridet = nil
            masked.commune = nil
            masked.cafat = nil
            masked.phone = nil
            masked.email = nil
            masked.restricted = true
            return masked
        }
    }

    /// What a consultation of `tierIDs` adds to its event's payload (where, and the motif given),
    /// inside the transaction that records it. Refused with ``RestrictedTierRefusal`` when one of
    /// them is restricted and no motif was given.
    static func consultationPayload(_ db: any StoreSession, tierIDs: [Int64], motif: String?,
                                    context: ConsultationContext) throws -> [String: String] {
        var payload = ["ecran": context.rawValue]
        let typed = motif.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        if try motifIfRestricted(db, tierIDs: tierIDs, motif: typed) != nil { payload["limitee"] = "oui" }
        if let typed { payload["motif"] = try checkedMotif(typed, what: "la consultation") }
        return payload
    }

    /// The motif an action on `tierIDs` that is not a consultation (a merge) records when one of
    /// them is restricted: refused with ``RestrictedTierRefusal`` without one; nil when none is.
    static func motifIfRestricted(_ db: any StoreSession, tierIDs: [Int64], motif: String?) throws -> String? {
        let restricted = try restrictedIDs(db, among: tierIDs)
        guard !restricted.isEmpty else { return nil }
        guard let motif, !motif.trimmingCharacters(in: .whitespaces).isEmpty else {
            let ids = tierIDs.filter(restricted.contains)
            throw RestrictedTierRefusal(tierIDs: ids, names: try ids.compactMap { try tierName(db, $0) })
        }
        return try checkedMotif(motif, what: "la consultation")
    }

    /// A motif as it is recorded: trimmed, not empty, one line, at most ``maxMotifLength`` characters.
    public static func checkedMotif(_ motif: String?, what: String) throws -> String {
        let motif = (motif ?? "").trimmingCharacters(in: .whitespaces)
        guard !motif.isEmpty else {
            throw ValidationError(field: nil, message: "Motif : indiquez le motif de \(what).")
        }
        guard motif.count <= maxMotifLength,
              !motif.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(field: nil, message: "Motif : au plus \(maxMotifLength) caractères, sur une seule ligne.")
        }
        return motif
    }

    static func tierName(_ db: any StoreSession, _ id: Int64) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT display_name FROM tier WHERE id = ?"), arguments: [id])
    }
}
