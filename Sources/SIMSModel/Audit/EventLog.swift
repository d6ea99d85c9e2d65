import Crypto
import Foundation
import GRDB

/// Appends events to the hash-chained audit log, inside the caller's transaction.
///
/// Each event's hash covers its content and the previous event's hash, so that altering or
/// deleting a row breaks the chain at that row. `chain_head` remembers the last event, so that
/// deleting the newest events is noticed too.
///
/// ```swift
/// try store.pool.write { db in
///     // ... the write itself ...
///     try EventLog.append(db, kind: .tierUpdated, agentID: agent.id, tierID: id, payload: ["champs": "..."], at: now)
/// }
/// ```
public enum EventLog {
    /// The hash standing before the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Appends one event and returns its id. Must run inside a write transaction.
    @discardableResult
    public static func append(_ db: Database, kind: EventKind, agentID: Int64?, tierID: Int64?,
                              dossierID: Int64? = nil, payload: [String: String], at: Date) throws -> Int64 {
        let json = try canonicalJSON(payload)
        return try append(db, kind: kind.rawValue, agentID: agentID, tierID: tierID, dossierID: dossierID,
                          payloadJSON: json, at: Timestamp.string(from: at))
    }

    static func append(_ db: Database, kind: String, agentID: Int64?, tierID: Int64?, dossierID: Int64? = nil,
                       payloadJSON: String, at: String) throws -> Int64 {
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1"))
        let prevHash: String = head?["last_hash"] ?? genesisHash
        let lastID: Int64 = head?["last_event_id"] ?? 0
        let id = lastID + 1
        let hash = digest(id: id, at: at, agentID: agentID, kind: kind, tierID: tierID, dossierID: dossierID,
                          payload: payloadJSON, prevHash: prevHash)
        if let dossierID {
            try db.cachedStatement(sql: """
                INSERT INTO event (id, at, agent_id, kind, tier_id, dossier_id, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, at, agentID, kind, tierID, dossierID, payloadJSON, prevHash, hash])
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO event (id, at, agent_id, kind, tier_id, payload, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id, at, agentID, kind, tierID, payloadJSON, prevHash, hash])
        }
        try db.cachedStatement(sql: """
            INSERT INTO chain_head (id, last_event_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash
            """).execute(arguments: [id, hash])
        return id
    }

    /// The id the next appended event will have. Inside a write transaction it stays true until
    /// the caller appends, which lets a bulk write point its rows at its event before appending it.
    public static func nextID(_ db: Database) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT last_event_id FROM chain_head WHERE id = 1") ?? 0) + 1
    }

    /// The SHA-256 (hex) of an event's content chained to the previous hash. The dossier, when
    /// the event concerns one, is covered too (events written before dossiers existed hash as before).
    public static func digest(id: Int64, at: String, agentID: Int64?, kind: String, tierID: Int64?,
                              dossierID: Int64? = nil, payload: String, prevHash: String) -> String {
        var text = [prevHash, String(id), at, agentID.map(String.init) ?? "", kind,
                    tierID.map(String.init) ?? "", payload].joined(separator: "\u{1F}")
        if let dossierID { text += "\u{1F}dossier=\(dossierID)" }
        return HexDigest.string(SHA256.hash(data: Data(text.utf8)))
    }

    /// JSON with sorted keys, so that the same payload always hashes the same. (The chain is
    /// checked against the stored text, so the exact spacing only has to be stable.)
    static func canonicalJSON(_ payload: [String: String]) throws -> String {
        FlatJSON.encode(payload)
    }

    /// Decodes an event payload written by ``append(_:kind:agentID:tierID:payload:at:)``.
    public static func decodePayload(_ json: String) -> [String: String] {
        if let flat = FlatJSON.decode(json) { return flat.compactMapValues { $0 } }
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        return object.compactMapValues { $0 as? String ?? "\($0)" }
    }
}
