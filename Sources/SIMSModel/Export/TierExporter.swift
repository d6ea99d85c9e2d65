import Foundation

/// Everything held on one tier, as JSON, for the RGPD right of access: current values, every
/// fact with its history and provenance, relations both ways, and every event about the tier,
/// consultations included (who consulted it, when, where and why), and the restrictions of its
/// processing (« limitation »), in force or lifted, and the erasures made at its request
/// (« effacements »: what went, what stayed under a retention and until when). The export is itself recorded, with its motif
/// (« droit d'accès » unless said otherwise); a restricted tier is exported only with a motif.
///
/// While a merge stands, the survivor's export holds the absorbed record's facts (in its history),
/// relations, dossiers and events too, and lists the merge under « fusions »; the absorbed
/// record's number exports the survivor, under « redirection ». The merge and its undoing are
/// events of the survivor: they show in its « evenements », like the exports themselves.
///
/// ```swift
/// let json = try TierExporter(store: store).export(id: 42, by: supervisor)
/// ```
public struct TierExporter: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// The motif of an export when none is given (and the tier is not restricted).
    public static let defaultMotif = "droit d'accès"

    public func export(id requested: Int64, by agent: Agent, motif: String? = nil) throws -> String {
        try AgentService.require(agent, .supervisor, .administrator, to: "exporter les données d'un tiers")
        let object: [String: Any] = try store.write { db in
            // A record absorbed by a merge is exported as its survivor, which holds its facts.
            let redirect = try TierRedirect.find(db, id: requested)
            let id = redirect?.survivorID ?? requested
            guard let snapshot = try TierService.loadSnapshot(db, id: id) else { throw TierService.notFound(id) }
            var payload = try TierRestrictionService.consultationPayload(db, tierIDs: [id], motif: motif, context: .export)
            if payload["motif"] == nil { payload["motif"] = Self.defaultMotif }
            try EventLog.append(db, kind: .tierExported, agentID: agent.id, tierID: id, payload: payload,
                                at: store.clock.now())
            let restrictions = try TierRestrictionService.history(db, tierID: id)
            let erasures = try TierErasure.history(db, tierID: id)
            let events = try StoreRow.fetchAll(db, sql: """
                SELECT e.id, e.at, e.kind, e.payload, a.login, a.full_name FROM event e
                LEFT JOIN agent a ON a.id = e.agent_id
                WHERE e.tier_id = ? OR e.id IN (SELECT event_id FROM fact_record WHERE tier_id = ?)
                   OR e.tier_id IN (SELECT absorbed_id FROM tier_merge WHERE survivor_id = ? AND undone_at IS NULL)
                ORDER BY e.id
                """, arguments: [id, id, id])
            let merges = try StoreRow.fetchAll(db, sql: """
                SELECT absorbed_id, merged_at FROM tier_merge WHERE survivor_id = ? AND undone_at IS NULL ORDER BY id
                """, arguments: [id])
            let current = snapshot.current
            var object: [String: Any] = [
                "tiers": [
                    "id": id,
                    "type": snapshot.kind.rawValue,
                    "nom": snapshot.displayName,
                    "version": snapshot.version,
                    "cree_le": snapshot.createdAt,
                    "modifie_le": snapshot.updatedAt,
                ] as [String: Any],
                "valeurs_actuelles": Dictionary(uniqueKeysWithValues: current.map { field, fact in
                    (field.rawValue, Self.factObject(fact))
                }),
                "historique": snapshot.history.map(Self.factObject),
                "relations": snapshot.relations.map { r in
                    ["relation": r.kind.label, "tiers_lie": r.relatedID, "nom": r.otherName, "depuis": r.createdAt] as [String: Any]
                } + snapshot.inverseRelations.map { r in
                    ["relation": r.kind.inverseLabel, "tiers_lie": r.tierID, "nom": r.otherName, "depuis": r.createdAt] as [String: Any]
                },
                "consultations": events.filter { ($0["kind"] as String) == EventKind.tierConsulted.rawValue }.map { e in
                    let payload = EventLog.decodePayload(e["payload"])
                    var object: [String: Any] = [
                        "le": e["at"] as String, "agent": (e["login"] as String?) ?? "?",
                        "nom_agent": (e["full_name"] as String?) ?? "?",
                        "ecran": ConsultationContext.inferred(kind: e["kind"], payload: payload).label]
                    if let dossier = payload["dossier"] { object["dossier"] = dossier }
                    if let motif = payload["motif"] { object["motif"] = motif }
                    return object
                },
                "limitations": restrictions.map(Self.restrictionObject),
                "effacements": erasures.map { erasure in
                    ["le": erasure.erasedAt, "par": erasure.erasedBy, "motif": erasure.motif,
                     "fondement": erasure.ground.choice, "complet": erasure.complete,
                     "conserve": erasure.kept, "efface": erasure.erased] as [String: Any]
                },
                "evenements": events.map { e in
                    ["id": e["id"] as Int64, "le": e["at"] as String,
                     "type": EventKind(rawValue: e["kind"])?.label ?? (e["kind"] as String),
                     "agent": (e["login"] as String?) ?? "?"] as [String: Any]
                },
            ]
            // Only while a merge stands: once undone, each record's export is as before the merge.
            if !merges.isEmpty {
                object["fusions"] = merges.map { ["fiche_absorbee": $0[0] as Int64, "le": $0[1] as String] as [String: Any] }
            }
            if let redirect {
                object["redirection"] = ["fiche_demandee": requested, "fusionnee_le": redirect.mergedAt,
                                         "dans": redirect.survivorID] as [String: Any]
            }
            return object
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func restrictionObject(_ restriction: TierRestriction) -> [String: Any] {
        var object: [String: Any] = [
            "en_vigueur": restriction.inForce, "motif": restriction.motif, "par": restriction.restrictedBy,
            "le": restriction.restrictedAt,
        ]
        if let liftedAt = restriction.liftedAt {
            object["levee"] = ["le": liftedAt, "par": restriction.liftedBy ?? "?", "motif": restriction.liftMotif ?? ""]
        }
        return object
    }

    static func factObject(_ fact: Fact) -> [String: Any] {
        var object: [String: Any] = [
            "champ": fact.field.rawValue,
            "libelle": fact.field.label,
            "valeur": fact.value.map { FieldValidator.display($0, for: fact.field) } ?? NSNull(),
            "source": fact.source.label,
            "niveau": fact.level.rawValue,
            "niveau_libelle": fact.level.label,
            "agent": fact.agentLogin ?? NSNull(),
            "le": fact.recordedAt,
            "version": fact.seq,
        ]
        if let reference = fact.reference { object["reference"] = reference }
        return object
    }
}
