package import GRDB

extension StoreMigrations {
    /// Migration v14: each closed dossier's retention as it stood at the decision
    /// (`dossier_retention`), what remains of a dossier erased at the end of it (`erased_dossier`:
    /// its number, procedure, state and dates, nothing about the person), and an index of the
    /// closed dossiers by decision date for the nightly purge. Both tables are attested.
    static func addRetention(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE dossier_retention (
                dossier_id INTEGER PRIMARY KEY REFERENCES dossier(id) ON DELETE CASCADE,
                years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
                decided_on TEXT NOT NULL,
                until TEXT NOT NULL
            );
            CREATE TABLE erased_dossier (
                id INTEGER PRIMARY KEY,
                number TEXT,
                procedure_code TEXT NOT NULL,
                procedure_title TEXT NOT NULL,
                state TEXT NOT NULL,
                submitted_at TEXT,
                decided_at TEXT,
                retention_years INTEGER,
                until TEXT,
                erased_at TEXT NOT NULL,
                reason TEXT NOT NULL
            );
            CREATE UNIQUE INDEX erased_dossier_by_number ON erased_dossier(number) WHERE number IS NOT NULL;
            CREATE INDEX dossier_closed_by_decision ON dossier(decided_at, id)
                WHERE state IN ('accepte', 'refuse', 'sans_suite');
            """)
        for name in ["dossier_retention", "erased_dossier"] {
            for trigger in AttestedTable.named(name)!.legacyTriggers { try db.execute(sql: trigger.sql) }
        }
    }
}
