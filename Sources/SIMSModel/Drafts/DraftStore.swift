import Foundation

/// Keeps the agents' unsaved tier forms, each save one small transaction.
///
/// Who holds a brouillon is attested (see ``AttestedTable``): opening one and closing it are
/// events, so that a brouillon moved to another agent, or slipped into one's list, outside the
/// application is caught by `guichet check`; its values, saved at every pause, are not.
///
/// ```swift
/// let drafts = DraftStore(store: store)
/// var draft = try drafts.save(TierDraft(agentID: agent.id, kind: .person, values: [.birthName: "Wam"]))
/// try drafts.list(agentID: agent.id)   // offered back at the next start
/// try drafts.delete(id: draft.id!)
/// ```
public struct DraftStore: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Inserts or updates the draft; returns it with its id and time.
    @discardableResult
    public func save(_ draft: TierDraft) throws -> TierDraft {
        var saved = draft
        saved.updatedAt = Timestamp.string(from: store.clock.now())
        let values = FactValuesCoding.encode(draft.values.mapValues { Optional($0) })
        try store.write { db in
            if let id = draft.id,
               try Int.fetchOne(db, sql: "SELECT count(*) FROM draft WHERE id = ?", arguments: [id]) ?? 0 > 0 {
                try db.execute(sql: """
                    UPDATE draft SET field_values = ?, focus = ?, updated_at = ?, tier_version = ? WHERE id = ?
                    """, arguments: [values, draft.focus?.rawValue, saved.updatedAt, draft.tierVersion, id])
            } else {
                try db.execute(sql: """
                    INSERT INTO draft (agent_id, kind, tier_id, tier_version, field_values, focus, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [draft.agentID, draft.kind.rawValue, draft.tierID, draft.tierVersion, values,
                                     draft.focus?.rawValue, saved.updatedAt])
                saved.id = try db.lastInsertedRowID
                try EventLog.append(db, kind: .draftOpened, agentID: draft.agentID, tierID: nil,
                                    payload: ["brouillon": saved.id.map(String.init) ?? ""], at: store.clock.now())
            }
        }
        return saved
    }

    /// The agent's drafts, newest first.
    public func list(agentID: Int64) throws -> [TierDraft] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT * FROM draft WHERE agent_id = ? ORDER BY updated_at DESC, id DESC",
                             arguments: [agentID]).map { row in
                TierDraft(id: row["id"], agentID: row["agent_id"], kind: TierKind(rawValue: row["kind"]) ?? .person,
                          tierID: row["tier_id"], tierVersion: row["tier_version"],
                          values: FactValuesCoding.decode(row["field_values"]).compactMapValues { $0 },
                          focus: (row["focus"] as String?).flatMap(TierField.init(rawValue:)),
                          updatedAt: row["updated_at"])
            }
        }
    }

    /// Forgets a draft (saved or abandoned).
    public func delete(id: Int64) throws {
        try store.write { db in
            guard let agentID = try Int64.fetchOne(db, sql: "SELECT agent_id FROM draft WHERE id = ?", arguments: [id]) else { return }
            try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id])
            try EventLog.append(db, kind: .draftClosed, agentID: agentID, tierID: nil, payload: ["brouillon": String(id)],
                                at: store.clock.now())
        }
    }
}
