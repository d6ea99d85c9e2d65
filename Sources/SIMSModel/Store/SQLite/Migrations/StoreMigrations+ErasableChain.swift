package import GRDB

extension StoreMigrations {
    /// Migration v13: the chain hashes a salted digest of each event's personal content instead of
    /// the content itself (see ``EventContent``), so that content can be erased later (retention,
    /// a person's request) while `guichet check` still proves that no event was added, changed or
    /// dropped.
    ///
    /// Every event is chained again in the new form; its former hash is kept (`legacy_hash`) and
    /// covered by the new one, so the proof of the past stays: `check` still verifies the former
    /// hashes of the events whose content is there, and an anchor printed before the conversion
    /// is still recognised.
    static func makeChainErasable(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE event ADD COLUMN content_digest TEXT;
            ALTER TABLE event ADD COLUMN content_salt TEXT;
            ALTER TABLE event ADD COLUMN legacy_hash TEXT;
            CREATE TABLE event_erasure (
                event_id INTEGER PRIMARY KEY,
                erasure_event_id INTEGER NOT NULL,
                erased_at TEXT NOT NULL
            );
            CREATE INDEX event_erasure_by_erasure ON event_erasure(erasure_event_id, event_id);
            """)
        let update = try db.makeStatement(sql: """
            UPDATE event SET content_digest = ?, content_salt = ?, legacy_hash = hash, prev_hash = ?, hash = ? WHERE id = ?
            """)
        var previous = EventLog.genesisHash
        var lastID: Int64 = 0
        while true {
            let events = try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event WHERE id > ? ORDER BY id LIMIT 5000",
                                                 arguments: [lastID])
            guard let last = events.last else { break }
            for event in events {
                let salt = EventContent.newSalt()
                let content = EventContent.digest(salt: salt, tierID: event.tierID, payload: event.payload)
                let hash = EventLog.chainDigest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind,
                                                dossierID: event.dossierID, content: content, prevHash: previous,
                                                attestation: event.attestation, legacyHash: event.hash)
                try update.execute(arguments: [content, salt, previous, hash, event.id])
                previous = hash
            }
            lastID = last.id
        }
        if lastID > 0 {
            try db.execute(sql: "UPDATE chain_head SET last_hash = ? WHERE id = 1", arguments: [previous])
        }
    }
}
