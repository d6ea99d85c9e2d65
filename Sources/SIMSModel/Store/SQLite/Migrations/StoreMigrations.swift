package import GRDB

/// The named migrations that build the SIMS schema, in order.
///
/// A migration, once released, never changes: a new schema change is a new named migration.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-tiers-agents-audit") { db in
            try db.execute(sql: """
                CREATE TABLE agent (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    full_name TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    services TEXT NOT NULL DEFAULT '',
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    agent_id INTEGER,
                    kind TEXT NOT NULL,
                    tier_id INTEGER,
                    payload TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX event_by_tier ON event(tier_id, id) WHERE tier_id IS NOT NULL;
                CREATE TABLE chain_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_event_id INTEGER NOT NULL,
                    last_hash TEXT NOT NULL
                );
                CREATE TABLE tier (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('personne', 'organisation')),
                    version INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    display_name TEXT NOT NULL,
                    birth_date TEXT,
                    ridet TEXT,
                    commune TEXT,
                    cafat TEXT,
                    phone TEXT,
                    email TEXT,
                    min_level INTEGER NOT NULL DEFAULT 0,
                    folded_names TEXT NOT NULL DEFAULT '',
                    search_tokens TEXT NOT NULL DEFAULT ''
                );
                CREATE TABLE fact_record (
                    tier_id INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    field_values TEXT NOT NULL,
                    source TEXT NOT NULL,
                    source_ref TEXT,
                    level INTEGER NOT NULL,
                    agent_id INTEGER,
                    recorded_at TEXT NOT NULL,
                    event_id INTEGER NOT NULL,
                    PRIMARY KEY (tier_id, seq)
                ) WITHOUT ROWID;
                CREATE TABLE relation (
                    tier_id INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    related_id INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    event_id INTEGER NOT NULL,
                    PRIMARY KEY (tier_id, kind, related_id)
                ) WITHOUT ROWID;
                CREATE INDEX relation_by_related ON relation(related_id);
                CREATE TABLE search_token (
                    token TEXT NOT NULL,
                    tier_id INTEGER NOT NULL,
                    PRIMARY KEY (token, tier_id)
                ) WITHOUT ROWID;
                CREATE TABLE search_word (
                    word TEXT PRIMARY KEY,
                    tiers INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2-drafts") { db in
            try db.execute(sql: """
                CREATE TABLE draft (
                    id INTEGER PRIMARY KEY,
                    agent_id INTEGER NOT NULL REFERENCES agent(id),
                    kind TEXT NOT NULL,
                    tier_id INTEGER,
                    tier_version INTEGER,
                    field_values TEXT NOT NULL,
                    focus TEXT,
                    updated_at TEXT NOT NULL
                );
                CREATE INDEX draft_by_agent ON draft(agent_id, updated_at);
                """)
        }
        migrator.registerMigration("v3-documents-dossiers") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    sha256 TEXT,
                    issued_on TEXT,
                    valid_until TEXT,
                    pages INTEGER,
                    size INTEGER,
                    file_name TEXT,
                    ocr_text TEXT,
                    created_at TEXT NOT NULL,
                    agent_id INTEGER,
                    event_id INTEGER NOT NULL
                );
                CREATE TABLE document_owner (
                    tier_id INTEGER NOT NULL,
                    document_id INTEGER NOT NULL,
                    PRIMARY KEY (tier_id, document_id)
                ) WITHOUT ROWID;
                CREATE TABLE dossier (
                    id INTEGER PRIMARY KEY,
                    number TEXT UNIQUE,
                    tracking_code TEXT UNIQUE,
                    procedure_code TEXT NOT NULL,
                    procedure_title TEXT NOT NULL,
                    applicant_id INTEGER NOT NULL,
                    applicant_version INTEGER NOT NULL,
                    beneficiary_id INTEGER,
                    beneficiary_version INTEGER,
                    state TEXT NOT NULL,
                    answers TEXT NOT NULL,
                    focus TEXT,
                    previous_id INTEGER,
                    created_by INTEGER NOT NULL,
                    assignee_id INTEGER,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    submitted_at TEXT,
                    due_on TEXT,
                    version INTEGER NOT NULL DEFAULT 1
                );
                CREATE INDEX dossier_by_applicant ON dossier(applicant_id, procedure_code, submitted_at);
                CREATE INDEX dossier_by_beneficiary ON dossier(beneficiary_id) WHERE beneficiary_id IS NOT NULL;
                CREATE INDEX dossier_drafts ON dossier(created_by, updated_at) WHERE state = 'brouillon';
                CREATE TABLE dossier_piece (
                    dossier_id INTEGER NOT NULL,
                    piece_key TEXT NOT NULL,
                    status TEXT NOT NULL,
                    document_id INTEGER,
                    issued_on TEXT,
                    PRIMARY KEY (dossier_id, piece_key)
                ) WITHOUT ROWID;
                CREATE TABLE dossier_number (
                    prefix TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    last INTEGER NOT NULL,
                    PRIMARY KEY (prefix, year)
                ) WITHOUT ROWID;
                ALTER TABLE event ADD COLUMN dossier_id INTEGER;
                CREATE INDEX event_by_dossier ON event(dossier_id, id) WHERE dossier_id IS NOT NULL;
                """)
        }
        migrator.registerMigration("v4-document-files") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN file_ext TEXT;
                ALTER TABLE document ADD COLUMN ocr_state TEXT;
                CREATE UNIQUE INDEX document_by_sha ON document(sha256) WHERE sha256 IS NOT NULL;
                CREATE INDEX document_ocr_queue ON document(ocr_state, id) WHERE ocr_state = 'en_attente';
                CREATE TABLE dossier_document (
                    dossier_id INTEGER NOT NULL,
                    document_id INTEGER NOT NULL,
                    piece_key TEXT,
                    added_at TEXT NOT NULL,
                    PRIMARY KEY (dossier_id, document_id)
                ) WITHOUT ROWID;
                CREATE INDEX dossier_document_by_document ON dossier_document(document_id);
                """)
        }
        migrator.registerMigration("v5-review-workflow") { db in
            try db.execute(sql: """
                ALTER TABLE dossier ADD COLUMN proposed_decision TEXT;
                ALTER TABLE dossier ADD COLUMN proposed_by INTEGER;
                ALTER TABLE dossier ADD COLUMN decision_motif TEXT;
                ALTER TABLE dossier ADD COLUMN decided_by INTEGER;
                ALTER TABLE dossier ADD COLUMN decided_at TEXT;
                ALTER TABLE dossier ADD COLUMN pieces_requested TEXT;
                ALTER TABLE dossier ADD COLUMN pieces_due_on TEXT;
                CREATE INDEX dossier_queue ON dossier(state, assignee_id, submitted_at, id);
                """)
        }
        migrator.registerMigration("v6-review-queues") { db in
            // Internal notes, the queues' keyset indexes, and the dashboard's running tallies.
            try db.execute(sql: """
                CREATE TABLE dossier_note (
                    id INTEGER PRIMARY KEY,
                    dossier_id INTEGER NOT NULL,
                    agent_id INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    text TEXT NOT NULL
                );
                CREATE INDEX dossier_note_by_dossier ON dossier_note(dossier_id, id);
                CREATE INDEX dossier_by_age ON dossier(submitted_at, id) WHERE submitted_at IS NOT NULL;
                CREATE INDEX dossier_open_by_age ON dossier(submitted_at, id) WHERE state IN \(DossierTallySQL.openStates);
                CREATE INDEX dossier_open_by_due ON dossier(due_on, id) WHERE state IN \(DossierTallySQL.openStates);
                CREATE INDEX dossier_by_due ON dossier(due_on, id) WHERE submitted_at IS NOT NULL;
                CREATE INDEX dossier_by_state_age ON dossier(state, submitted_at, id);
                CREATE INDEX dossier_by_state_due ON dossier(state, due_on, id);
                CREATE INDEX dossier_by_procedure ON dossier(procedure_code, state, submitted_at, id);
                CREATE INDEX dossier_by_assignee ON dossier(assignee_id, state, submitted_at, id) WHERE assignee_id IS NOT NULL;
                """)
            try db.execute(sql: DossierTallySQL.tables)
            try db.execute(sql: DossierTallySQL.backfill)
            try db.execute(sql: DossierTallySQL.triggers)
        }
        migrator.registerMigration("v7-ids-keys-attestation") { db in
            try StoreMigrations.attestRegister(db)
        }
        migrator.registerMigration("v8-search-word-variants") { db in
            // The symmetric-delete index of the name vocabulary (see SearchWordVariants), filled
            // from the words already there.
            try db.execute(sql: """
                CREATE TABLE search_word_variant (
                    variant TEXT NOT NULL,
                    word TEXT NOT NULL,
                    PRIMARY KEY (variant, word)
                ) WITHOUT ROWID;
                """)
            try SearchWordVariants.insert(SQLiteSession(db), words: String.fetchAll(db, sql: "SELECT word FROM search_word"))
        }
        migrator.registerMigration("v9-match-parameters") { db in
            // The match score's parameters learnt from the register (see MatchParameterStore).
            try db.execute(sql: """
                CREATE TABLE match_parameters (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    parameters TEXT NOT NULL,
                    trained_at TEXT NOT NULL,
                    agent_id INTEGER
                );
                """)
        }
        migrator.registerMigration("v10-duplicate-review") { db in
            // The review queue of likely duplicates (see DuplicateReview): register data, attested.
            try db.execute(sql: """
                CREATE TABLE duplicate_pair (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tier_a INTEGER NOT NULL REFERENCES tier(id),
                    tier_b INTEGER NOT NULL REFERENCES tier(id),
                    probability REAL NOT NULL,
                    reasons TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('a_revoir', 'meme_personne', 'personnes_differentes')),
                    signature TEXT NOT NULL,
                    found_at TEXT NOT NULL,
                    decided_by INTEGER REFERENCES agent(id),
                    decided_at TEXT,
                    CHECK (tier_a < tier_b),
                    UNIQUE (tier_a, tier_b)
                );
                CREATE INDEX duplicate_pair_queue ON duplicate_pair(state, probability DESC, id);
                CREATE INDEX duplicate_pair_by_b ON duplicate_pair(tier_b);
                CREATE INDEX duplicate_pair_by_decider ON duplicate_pair(decided_by);
                """)
            for trigger in AttestedTable.named("duplicate_pair")!.legacyTriggers { try db.execute(sql: trigger.sql) }
        }
        migrator.registerMigration("v11-tier-merge") { db in
            // Merges of two records of one person (see TierMerger): the absorbed record redirects to
            // the survivor while the merge stands; `restore` holds what its undoing puts back.
            try db.execute(sql: """
                CREATE TABLE tier_merge (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    absorbed_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                    survivor_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                    merged_at TEXT NOT NULL,
                    agent_id INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                    motif TEXT,
                    event_id INTEGER NOT NULL,
                    survivor_version_before INTEGER NOT NULL,
                    survivor_version_after INTEGER NOT NULL,
                    restore TEXT NOT NULL,
                    undone_at TEXT,
                    undone_by INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                    undo_event_id INTEGER
                );
                CREATE UNIQUE INDEX tier_merge_standing ON tier_merge(absorbed_id) WHERE undone_at IS NULL;
                CREATE INDEX tier_merge_by_survivor ON tier_merge(survivor_id, id);
                CREATE INDEX tier_merge_by_agent ON tier_merge(agent_id);
                CREATE INDEX tier_merge_by_undoer ON tier_merge(undone_by);
                """)
            for trigger in AttestedTable.named("tier_merge")!.legacyTriggers { try db.execute(sql: trigger.sql) }
        }
        migrator.registerMigration("v12-tier-restriction") { db in
            // The restriction of a tier's processing (RGPD « limitation »): one row per request,
            // lifted by a later request; at most one in force per tier. Attested register data.
            try db.execute(sql: """
                CREATE TABLE tier_restriction (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                    motif TEXT NOT NULL,
                    restricted_by INTEGER NOT NULL REFERENCES agent(id) ON DELETE RESTRICT,
                    restricted_at TEXT NOT NULL,
                    event_id INTEGER NOT NULL,
                    lifted_by INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                    lifted_at TEXT,
                    lift_motif TEXT,
                    lift_event_id INTEGER
                );
                CREATE UNIQUE INDEX tier_restriction_in_force ON tier_restriction(tier_id) WHERE lifted_at IS NULL;
                CREATE INDEX tier_restriction_by_tier ON tier_restriction(tier_id, id);
                """)
            for trigger in AttestedTable.named("tier_restriction")!.legacyTriggers { try db.execute(sql: trigger.sql) }
        }
        migrator.registerMigration("v13-erasable-chain") { db in
            try StoreMigrations.makeChainErasable(db)
        }
        migrator.registerMigration("v14-retention") { db in
            try StoreMigrations.addRetention(db)
        }
        migrator.registerMigration("v17-inactive-review") { db in
            try StoreMigrations.addInactiveTierReview(db)
        }
        migrator.registerMigration("v18-tier-erasure") { db in
            try StoreMigrations.addTierErasure(db)
        }
        migrator.registerMigration(rowSaltsMigration) { db in
            try StoreMigrations.addRowSalts(db)
        }
        migrator.registerMigration("v20-register-identity") { db in
            try StoreMigrations.addRegisterIdentity(db)
        }
        return migrator
    }
}
