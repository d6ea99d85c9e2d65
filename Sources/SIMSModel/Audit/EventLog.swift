import Crypto
import Foundation

/// Appends events to the hash-chained audit log, inside the caller's transaction.
///
/// Each event's hash covers its content and the previous event's hash, so that altering or
/// deleting a row breaks the chain at that row. `chain_head` remembers the last event, so that
/// deleting the newest events is noticed too.
///
/// ```swift
/// try store.write { db in
///     // ... the write itself ...
///     try EventLog.append(db, kind: .tierUpdated, agentID: agent.id, tierID: id, payload: ["champs": "..."], at: now)
/// }
/// ```
public enum EventLog {
    /// The hash standing before the first event.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Appends one event and returns its id. Must run inside a write transaction.
    @discardableResult
    package static func append(_ db: any StoreSession, kind: EventKind, agentID: Int64?, tierID: Int64?,
                              dossierID: Int64? = nil, payload: [String: String], at: Date) throws -> Int64 {
        let json = try canonicalJSON(payload)
        return try append(db, kind: kind.rawValue, agentID: agentID, tierID: tierID, dossierID: dossierID,
                          payloadJSON: json, at: Timestamp.string(from: at))
    }

    private static func append(_ db: any StoreSession, kind: String, agentID: Int64?, tierID: Int64?, dossierID: Int64? = nil,
                       payloadJSON: String, at: String) throws -> Int64 {
        let head = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1"))
        let prevHash: String = head?["last_hash"] ?? genesisHash
        let lastID: Int64 = head?["last_event_id"] ?? 0
        let id = lastID + 1
        let salt = EventContent.newSalt()
        let content = EventContent.digest(salt: salt, tierID: tierID, payload: payloadJSON)
        let hash = chainDigest(id: id, at: at, agentID: agentID, kind: kind, dossierID: dossierID, content: content,
                               prevHash: prevHash)
        try db.cachedStatement(sql: """
            INSERT INTO event (id, at, agent_id, kind, tier_id, dossier_id, payload, prev_hash, hash, content_digest, content_salt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [id, at, agentID, kind, tierID, dossierID, payloadJSON, prevHash, hash, content, salt])
        try db.cachedStatement(sql: """
            INSERT INTO chain_head (id, last_event_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash
            """).execute(arguments: [id, hash])
        didAppend(db, id: id)
        return id
    }

    /// Tells the connection that event `id` was appended in the current transaction (a bulk writer
    /// that inserts its events itself calls this for the last one).
    package static func didAppend(_ db: any StoreSession, id: Int64) {
        accumulator(db)?.eventsInTransaction.append(id)
    }

    /// The accumulator of the session's connection (none on an engine without attestation).
    private static func accumulator(_ db: any StoreSession) -> AttestationAccumulator? {
        (db as? any RowAttesting)?.attestationAccumulator
    }

    /// Seals the rows written so far in this transaction into its last event: the event's
    /// attestation names each row with its digest (or sums them, for a bulk write) and is covered
    /// by the event's hash. Called by ``SIMSStore/write(_:)`` before every commit; a transaction
    /// that wrote attested rows without appending an event is refused.
    package static func seal(_ db: any StoreSession) throws {
        guard let accumulator = accumulator(db), accumulator.hasPending else { return }
        guard let eventID = accumulator.eventsInTransaction.last,
              let row = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT * FROM event WHERE id = ?"), arguments: [eventID]) else {
            throw UnattestedWriteError(reason: "aucun événement dans cette transaction")
        }
        try attach(db, accumulator.take(), to: try AuditEvent(row: row))
    }

    /// Whether rows were written in this transaction that no event attests yet (a service that
    /// writes only sometimes appends its event only then).
    package static func hasUnsealedRows(_ db: any StoreSession) -> Bool {
        accumulator(db)?.hasPending ?? false
    }

    /// Adds `added` to the attestation of `event`, the newest of the chain, and rehashes it.
    package static func attach(_ db: any StoreSession, _ added: RowAttestation, to event: AuditEvent) throws {
        var attestation = event.attestation.flatMap { RowAttestation(text: $0) } ?? RowAttestation()
        attestation.entries += added.entries
        for (key, sums) in added.buckets {
            attestation.buckets[key, default: RowAttestation.BucketSums()].added.add(sums.added)
            attestation.buckets[key, default: RowAttestation.BucketSums()].removed.add(sums.removed)
        }
        if attestation.entries.count > AttestationAccumulator.namedRowLimit { attestation.foldEntries() }
        let text = attestation.text
        let hash = chainDigest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind,
                               dossierID: event.dossierID, content: event.contentDigest ?? "", prevHash: event.prevHash,
                               attestation: text, legacyHash: event.legacyHash)
        let head = try Int64.fetchOne(db.cachedStatement(sql: "SELECT last_event_id FROM chain_head WHERE id = 1"))
        guard head == event.id else {
            throw UnattestedWriteError(reason: "l'événement n° \(event.id) n'est plus le dernier")
        }
        try db.cachedStatement(sql: "UPDATE event SET attestation = ?, hash = ? WHERE id = ?").execute(arguments: [text, hash, event.id])
        try db.cachedStatement(sql: "UPDATE chain_head SET last_hash = ? WHERE id = 1").execute(arguments: [hash])
    }

    /// The id the next appended event will have. Inside a write transaction it stays true until
    /// the caller appends, which lets a bulk write point its rows at its event before appending it.
    package static func nextID(_ db: any StoreSession) throws -> Int64 {
        (try Int64.fetchOne(db, sql: "SELECT last_event_id FROM chain_head WHERE id = 1") ?? 0) + 1
    }

    /// The SHA-256 (hex) of an event chained to the previous hash: its id, time, agent, kind and
    /// dossier, the digest of its personal content (``EventContent``), the attestation of the rows
    /// its transaction wrote, and, for an event written before the chain could be erased, its
    /// former hash (``LegacyEventDigest``).
    public static func chainDigest(id: Int64, at: String, agentID: Int64?, kind: String, dossierID: Int64?,
                                   content: String, prevHash: String, attestation: String? = nil,
                                   legacyHash: String? = nil) -> String {
        var text = ["v2", prevHash, String(id), at, agentID.map(String.init) ?? "", kind,
                    dossierID.map(String.init) ?? "", content].joined(separator: "\u{1F}")
        if let attestation { text += "\u{1F}rows=\(attestation)" }
        if let legacyHash { text += "\u{1F}legacy=\(legacyHash)" }
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
