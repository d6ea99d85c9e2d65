import Foundation

/// Lists who consulted or exported a tier's data (RGPD « qui a consulté mes données ») from the
/// audit log: every `tier.consult` and `tier.export` event of the tier, with where it happened
/// (record, dossier review or form, export) and the motif given. Events written before the
/// context was recorded are read from what they hold (a dossier's number: a review).
///
/// Making the listing is itself recorded as a consultation (« relevé des consultations »): it
/// names the person and their dossiers. For a restricted tier it needs a motif, as any consultation.
///
/// ```swift
/// let listing = try ConsultationLog(store: store).listing(tierID: 42, since: CalendarDate(iso: "2026-01-01"), by: superviseur)
/// print(ConsultationListingText.render(listing))
/// ```
public struct ConsultationLog: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    public func listing(tierID: Int64, since: CalendarDate? = nil, by agent: Agent,
                        motif: String? = nil) throws -> ConsultationListing {
        try AgentService.require(agent, .supervisor, .administrator, to: "relever les consultations d'une fiche")
        return try store.write { db in
            guard let name = try TierRestrictionService.tierName(db, tierID) else { throw TierService.notFound(tierID) }
            let payload = try TierRestrictionService.consultationPayload(db, tierIDs: [tierID], motif: motif, context: .listing)
            let from = since.map { Timestamp.string(from: Self.start(of: $0)) } ?? ""
            let entries = try StoreRow.fetchAll(db, sql: """
                SELECT e.at, e.kind, e.payload, a.login, a.full_name, d.number, e.dossier_id FROM event e
                LEFT JOIN agent a ON a.id = e.agent_id LEFT JOIN dossier d ON d.id = e.dossier_id
                WHERE e.tier_id = ? AND e.kind IN (?, ?) AND e.at >= ?
                  AND e.id NOT IN (SELECT event_id FROM event_detachment)
                ORDER BY e.id
                """, arguments: [tierID, EventKind.tierConsulted.rawValue, EventKind.tierExported.rawValue, from]).map { row in
                let kind: String = row[1]
                let payload = EventLog.decodePayload(row[2])
                return ConsultationEntry(at: row[0], agentLogin: row[3] ?? "?", agentName: row[4] ?? "agent inconnu",
                                         context: ConsultationContext.inferred(kind: kind, payload: payload),
                                         dossier: payload["dossier"] ?? Self.dossierName(number: row[5], id: row[6]),
                                         motif: payload["motif"])
            }
            let restrictions = try TierRestrictionService.history(db, tierID: tierID)
            let now = store.clock.now()
            try EventLog.append(db, kind: .tierConsulted, agentID: agent.id, tierID: tierID, payload: payload, at: now)
            var listing = ConsultationListing(tierID: tierID, tierName: name, since: since, entries: entries,
                                              restrictions: restrictions, madeAt: Timestamp.string(from: now),
                                              madeBy: "\(agent.fullName) (\(agent.login))")
            listing.erasures = try TierErasure.history(db, tierID: tierID)
            return listing
        }
    }

    /// A dossier a consultation went through, when its event did not name it (a brouillon has no
    /// number yet: its number now, else « brouillon n° 7 »).
    static func dossierName(number: String?, id: Int64?) -> String? {
        guard let id else { return nil }
        return number ?? "brouillon n° \(id)"
    }

    /// Midnight of `day` in New Caledonia.
    static func start(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Pacific/Noumea")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date.distantPast
    }
}
