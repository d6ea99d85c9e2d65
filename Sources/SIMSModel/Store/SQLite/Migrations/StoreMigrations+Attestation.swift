import Foundation
package import GRDB
import Logging

extension StoreMigrations {
    /// Migration v7: ids that are never handed out twice (`AUTOINCREMENT`), foreign keys declared
    /// with their delete rules, the orphans of earlier versions detached (``StoreRepair``), the
    /// attestation triggers installed, and one event that attests every row as it stands.
    static func attestRegister(_ db: Database) throws {
        let now = Timestamp.string(from: Date())
        try db.execute(sql: """
            CREATE TABLE detached_row (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                table_name TEXT NOT NULL,
                row_data TEXT NOT NULL,
                reason TEXT NOT NULL,
                detached_at TEXT NOT NULL
            );
            CREATE TABLE event_detachment (
                event_id INTEGER PRIMARY KEY,
                former_dossier_id INTEGER,
                reason TEXT NOT NULL,
                detached_at TEXT NOT NULL
            );
            ALTER TABLE event ADD COLUMN attestation TEXT;
            """)
        let repairs = try StoreRepair.detachOrphans(db, at: now)
        for (table, definition) in rebuiltTables {
            try StoreRebuild.rebuild(db, table: table, definition: definition)
        }
        try db.execute(sql: """
            CREATE INDEX dossier_by_previous ON dossier(previous_id);
            CREATE INDEX dossier_by_creator ON dossier(created_by);
            CREATE INDEX dossier_piece_by_document ON dossier_piece(document_id);
            CREATE INDEX document_owner_by_document ON document_owner(document_id);
            CREATE INDEX dossier_note_by_agent ON dossier_note(agent_id);
            """)
        // Tables attested later are created, with their triggers, by their own migrations.
        let tables = try AttestedTable.legacy.filter { try db.tableExists($0.name) }
        for table in tables {
            for trigger in table.legacyTriggers { try db.execute(sql: trigger.sql) }
        }
        // One event attests the register as it stands: from now on every write adds to it.
        var payload = ["tables": tables.map(\.name).joined(separator: ",")]
        if !repairs.isEmpty { payload["reparations"] = repairs.joined(separator: " ; ") }
        let snapshot = try AttestedRowScanner.snapshot(SQLiteSession(db), tables: tables, legacy: true)
        guard !snapshot.isEmpty else { return }   // a new store: its first write will be attested
        try LegacyEventLog.append(SQLiteSession(db), kind: .registerAttested, payload: payload, at: Date(), rows: snapshot)
        if !repairs.isEmpty {
            let logger = Logger(label: "guichet.store")
            for line in repairs { logger.warning("Réparation : \(line)") }
        }
    }

    /// The tables rebuilt by v7, parents first, with their new definitions (same columns).
    static let rebuiltTables: [(String, String)] = [
        ("agent", """
            CREATE TABLE agent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                login TEXT NOT NULL UNIQUE,
                full_name TEXT NOT NULL,
                roles TEXT NOT NULL,
                services TEXT NOT NULL DEFAULT '',
                active INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL
            )
            """),
        ("tier", """
            CREATE TABLE tier (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
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
            )
            """),
        ("fact_record", """
            CREATE TABLE fact_record (
                tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                seq INTEGER NOT NULL,
                field_values TEXT NOT NULL,
                source TEXT NOT NULL,
                source_ref TEXT,
                level INTEGER NOT NULL,
                agent_id INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                recorded_at TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (tier_id, seq)
            ) WITHOUT ROWID
            """),
        ("relation", """
            CREATE TABLE relation (
                tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                kind TEXT NOT NULL,
                related_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                created_at TEXT NOT NULL,
                event_id INTEGER NOT NULL,
                PRIMARY KEY (tier_id, kind, related_id)
            ) WITHOUT ROWID
            """),
        ("draft", """
            CREATE TABLE draft (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                agent_id INTEGER NOT NULL REFERENCES agent(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                tier_id INTEGER REFERENCES tier(id) ON DELETE CASCADE,
                tier_version INTEGER,
                field_values TEXT NOT NULL,
                focus TEXT,
                updated_at TEXT NOT NULL
            )
            """),
        ("document", """
            CREATE TABLE document (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                type TEXT NOT NULL,
                sha256 TEXT,
                issued_on TEXT,
                valid_until TEXT,
                pages INTEGER,
                size INTEGER,
                file_name TEXT,
                ocr_text TEXT,
                created_at TEXT NOT NULL,
                agent_id INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                event_id INTEGER NOT NULL,
                file_ext TEXT,
                ocr_state TEXT
            )
            """),
        ("document_owner", """
            CREATE TABLE document_owner (
                tier_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
                PRIMARY KEY (tier_id, document_id)
            ) WITHOUT ROWID
            """),
        ("dossier", """
            CREATE TABLE dossier (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                number TEXT UNIQUE,
                tracking_code TEXT UNIQUE,
                procedure_code TEXT NOT NULL,
                procedure_title TEXT NOT NULL,
                applicant_id INTEGER NOT NULL REFERENCES tier(id) ON DELETE RESTRICT,
                applicant_version INTEGER NOT NULL,
                beneficiary_id INTEGER REFERENCES tier(id) ON DELETE RESTRICT,
                beneficiary_version INTEGER,
                state TEXT NOT NULL,
                answers TEXT NOT NULL,
                focus TEXT,
                previous_id INTEGER REFERENCES dossier(id) ON DELETE RESTRICT,
                created_by INTEGER NOT NULL REFERENCES agent(id) ON DELETE RESTRICT,
                assignee_id INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                submitted_at TEXT,
                due_on TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                proposed_decision TEXT,
                proposed_by INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                decision_motif TEXT,
                decided_by INTEGER REFERENCES agent(id) ON DELETE RESTRICT,
                decided_at TEXT,
                pieces_requested TEXT,
                pieces_due_on TEXT
            )
            """),
        ("dossier_piece", """
            CREATE TABLE dossier_piece (
                dossier_id INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                piece_key TEXT NOT NULL,
                status TEXT NOT NULL,
                document_id INTEGER REFERENCES document(id) ON DELETE RESTRICT,
                issued_on TEXT,
                PRIMARY KEY (dossier_id, piece_key)
            ) WITHOUT ROWID
            """),
        ("dossier_document", """
            CREATE TABLE dossier_document (
                dossier_id INTEGER NOT NULL REFERENCES dossier(id) ON DELETE CASCADE,
                document_id INTEGER NOT NULL REFERENCES document(id) ON DELETE RESTRICT,
                piece_key TEXT,
                added_at TEXT NOT NULL,
                PRIMARY KEY (dossier_id, document_id)
            ) WITHOUT ROWID
            """),
        ("dossier_note", """
            CREATE TABLE dossier_note (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                dossier_id INTEGER NOT NULL REFERENCES dossier(id) ON DELETE RESTRICT,
                agent_id INTEGER NOT NULL REFERENCES agent(id) ON DELETE RESTRICT,
                created_at TEXT NOT NULL,
                text TEXT NOT NULL
            )
            """),
    ]
}
