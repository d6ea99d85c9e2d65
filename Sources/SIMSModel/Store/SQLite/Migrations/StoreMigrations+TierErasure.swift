package import GRDB

extension StoreMigrations {
    /// Migration v18: the erasures made at a person's request (`tier_erasure`): who erased the
    /// record, when, on what request, what stayed under a legal retention and what went. A record
    /// erased completely keeps only its number and this row. Attested register data.
    static func addTierErasure(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE tier_erasure (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                motif TEXT NOT NULL,
                erased_by INTEGER NOT NULL REFERENCES agent(id) ON DELETE RESTRICT,
                erased_at TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
                kept TEXT NOT NULL,
                erased TEXT NOT NULL
            );
            CREATE INDEX tier_erasure_by_tier ON tier_erasure(tier_id, id);
            CREATE UNIQUE INDEX tier_erasure_complete ON tier_erasure(tier_id) WHERE complete = 1;
            CREATE INDEX tier_erasure_by_agent ON tier_erasure(erased_by);
            """)
        for trigger in AttestedTable.named("tier_erasure")!.legacyTriggers { try db.execute(sql: trigger.sql) }
    }
}
