package import GRDB

extension StoreMigrations {
    /// Migration v21: the legal ground of each erasure (`tier_erasure.ground`: « demande », the
    /// person's request, or « inactivite », a record inactive past its retention). Rows written
    /// before keep NULL, read as a request (their digests unchanged: a NULL column is left out);
    /// the table's attestation triggers are made again with the new column.
    static func addErasureGround(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE tier_erasure ADD COLUMN ground TEXT CHECK (ground IN ('demande', 'inactivite'))
            """)
        for trigger in AttestedTable.named("tier_erasure")!.triggers {
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger.name)")
            try db.execute(sql: trigger.sql)
        }
    }
}
