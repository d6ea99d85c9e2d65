import GRDB
@testable import SIMSModel

/// What someone holding the file and Guichet's source can do: recompute every digest and hash of
/// the chain after rewriting events, so that the chain alone holds again.
enum ChainRewriter {
    /// Recomputes each event's content digest (where its content is there), its former hash
    /// (where it has one and its content is there), its hash, and the chain's head.
    static func rechain(_ db: Database) throws {
        var previous = EventLog.genesisHash
        var legacyPrevious = EventLog.genesisHash
        for event in try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event ORDER BY id") {
            var content = event.contentDigest ?? ""
            var legacy = event.legacyHash
            if let salt = event.contentSalt {
                content = EventContent.digest(salt: salt, tierID: event.tierID, payload: event.payload)
                if legacy != nil {
                    legacy = LegacyEventLog.digest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind,
                                                   tierID: event.tierID, dossierID: event.dossierID, payload: event.payload,
                                                   prevHash: legacyPrevious, attestation: event.attestation)
                }
            }
            if let legacy { legacyPrevious = legacy }
            let hash = EventLog.chainDigest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind,
                                            dossierID: event.dossierID, content: content, prevHash: previous,
                                            attestation: event.attestation, legacyHash: legacy)
            try db.execute(sql: "UPDATE event SET content_digest = ?, legacy_hash = ?, prev_hash = ?, hash = ? WHERE id = ?",
                           arguments: [content, legacy, previous, hash, event.id])
            previous = hash
            try db.execute(sql: "UPDATE chain_head SET last_event_id = ?, last_hash = ?", arguments: [event.id, hash])
        }
    }
}
