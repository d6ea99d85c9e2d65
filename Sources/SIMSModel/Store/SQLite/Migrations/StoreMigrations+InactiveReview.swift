package import GRDB

extension StoreMigrations {
    /// Migration v17: the superviseurs' decisions on the tiers listed as inactive
    /// (`inactive_tier_review`: « conserver », with the motif, the agent and the event). Register
    /// data, attested; a kept tier leaves the list of inactive tiers for the inactivity period.
    static func addInactiveTierReview(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE inactive_tier_review (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                decision TEXT NOT NULL CHECK (decision IN ('conserver')),
                motif TEXT NOT NULL,
                agent_id INTEGER NOT NULL REFERENCES agent(id) ON DELETE RESTRICT,
                at TEXT NOT NULL,
                event_id INTEGER NOT NULL
            );
            CREATE INDEX inactive_tier_review_by_tier ON inactive_tier_review(tier_id, at);
            CREATE INDEX inactive_tier_review_by_agent ON inactive_tier_review(agent_id);
            """)
        for trigger in AttestedTable.named("inactive_tier_review")!.legacyTriggers { try db.execute(sql: trigger.sql) }
    }
}
