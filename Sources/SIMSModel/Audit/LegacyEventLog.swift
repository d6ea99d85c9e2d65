import Crypto
import Foundation

/// The audit chain as it was written before migration v13: each event's hash covered its payload
/// itself, so its content could not be erased without breaking the chain. Older migrations still
/// append in this form (they run before v13 converts the chain), and `guichet check` verifies the
/// former hashes of converted events whose content is still there.
enum LegacyEventLog {
    /// The former hash of an event (before v13).
    static func digest(id: Int64, at: String, agentID: Int64?, kind: String, tierID: Int64?,
                       dossierID: Int64? = nil, payload: String, prevHash: String,
                       attestation: String? = nil) -> String {
        var text = [prevHash, String(id), at, agentID.map(String.init) ?? "", kind,
                    tierID.map(String.init) ?? "", payload].joined(separator: "\u{1F}")
        if let dossierID { text += "\u{1F}dossier=\(dossierID)" }
        if let attestation { text += "\u{1F}rows=\(attestation)" }
        return HexDigest.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// Appends an event in the former form, with the attestation `rows` if given (migration v7;
    /// without rows, as events were written before v7).
    static func append(_ db: any StoreSession, kind: EventKind, agentID: Int64? = nil, tierID: Int64? = nil,
                       dossierID: Int64? = nil, payload: [String: String], at: Date, rows: RowAttestation? = nil) throws {
        let head = try StoreRow.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1")
        let prevHash: String = head?["last_hash"] ?? EventLog.genesisHash
        let id: Int64 = (head?["last_event_id"] ?? 0) + 1
        let json = FlatJSON.encode(payload)
        let when = Timestamp.string(from: at)
        var text: String?
        if var rows {
            if rows.entries.count > AttestationAccumulator.namedRowLimit { rows.foldEntries() }
            text = rows.text
        }
        let hash = digest(id: id, at: when, agentID: agentID, kind: kind.rawValue, tierID: tierID, dossierID: dossierID,
                          payload: json, prevHash: prevHash, attestation: text)
        if let text {
            try db.execute(sql: """
                INSERT INTO event (id, at, agent_id, kind, tier_id, dossier_id, payload, prev_hash, hash, attestation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, when, agentID, kind.rawValue, tierID, dossierID, json, prevHash, hash, text])
        } else {
            try db.execute(sql: """
                INSERT INTO event (id, at, agent_id, kind, tier_id, dossier_id, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, when, agentID, kind.rawValue, tierID, dossierID, json, prevHash, hash])
        }
        try db.execute(sql: """
            INSERT INTO chain_head (id, last_event_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash
            """, arguments: [id, hash])
    }
}
