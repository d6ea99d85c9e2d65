/// The SQL that keeps the dashboard's running tallies of dossiers, so that a refresh reads a few
/// hundred rows instead of every dossier.
///
/// Triggers on `dossier` subtract a row's old contribution and add its new one in the same
/// transaction as the change, whatever wrote it (intake, review, import, demo, bench): the
/// tallies can never drift from the dossiers. Days are New Caledonian days (UTC+11 all year,
/// no daylight saving), as agents see them.
///
/// - `dossier_state_tally(procedure_code, state, n)`: submitted dossiers per procedure and state.
/// - `dossier_open_tally(procedure_code, state, submitted_day, due_day, n)`: open dossiers
///   (déposé, en instruction, attente de pièces, à valider) by deposit day and due day, for the
///   ageing buckets and the deadlines.
/// - `dossier_load_tally(assignee_id, state, n)`: open dossiers per agent (0: nobody).
/// - `dossier_decision_tally(decided_day, procedure_code, state, processing_days, n)`: decided
///   dossiers by decision day and whole days from deposit to decision, for the throughput and
///   the 90th percentile of the processing time.
///
/// SQLite's: its triggers, its `WITHOUT ROWID` tables and its day arithmetic. A PostgreSQL
/// store would keep the same tables with its own triggers, read by the dashboard the same way.
package enum DossierTallySQL {
    /// The open states, as SQL (``DossierState/openSQL``).
    static let openStates = DossierState.openSQL
    /// The decided states, as SQL (``DossierState/decidedSQL``).
    static let decidedStates = DossierState.decidedSQL

    static let tables = """
        CREATE TABLE dossier_state_tally (
            procedure_code TEXT NOT NULL,
            state TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (procedure_code, state)
        ) WITHOUT ROWID;
        CREATE TABLE dossier_open_tally (
            procedure_code TEXT NOT NULL,
            state TEXT NOT NULL,
            submitted_day TEXT NOT NULL,
            due_day TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (procedure_code, state, submitted_day, due_day)
        ) WITHOUT ROWID;
        CREATE TABLE dossier_load_tally (
            assignee_id INTEGER NOT NULL,
            state TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (assignee_id, state)
        ) WITHOUT ROWID;
        CREATE TABLE dossier_decision_tally (
            decided_day TEXT NOT NULL,
            procedure_code TEXT NOT NULL,
            state TEXT NOT NULL,
            processing_days INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (decided_day, procedure_code, state, processing_days)
        ) WITHOUT ROWID;
        """

    /// The tallies of the rows already there (run once, when the tables are made).
    package static let backfill = """
        INSERT INTO dossier_state_tally (procedure_code, state, n)
            SELECT procedure_code, state, count(*) FROM dossier WHERE state <> 'brouillon'
            GROUP BY procedure_code, state;
        INSERT INTO dossier_open_tally (procedure_code, state, submitted_day, due_day, n)
            SELECT procedure_code, state, \(day("submitted_at")), coalesce(due_on, ''), count(*)
            FROM dossier WHERE state IN \(openStates) GROUP BY 1, 2, 3, 4;
        INSERT INTO dossier_load_tally (assignee_id, state, n)
            SELECT coalesce(assignee_id, 0), state, count(*) FROM dossier WHERE state IN \(openStates) GROUP BY 1, 2;
        INSERT INTO dossier_decision_tally (decided_day, procedure_code, state, processing_days, n)
            SELECT \(day("decided_at")), procedure_code, state, \(processingDays("")), count(*)
            FROM dossier WHERE \(decidedCondition("")) GROUP BY 1, 2, 3, 4;
        """

    static let triggers = """
        CREATE TRIGGER dossier_tally_insert AFTER INSERT ON dossier BEGIN
        \(add("NEW"))
        END;
        CREATE TRIGGER dossier_tally_delete AFTER DELETE ON dossier BEGIN
        \(subtract("OLD"))
        END;
        CREATE TRIGGER dossier_tally_update
        AFTER UPDATE OF procedure_code, state, assignee_id, submitted_at, due_on, decided_at ON dossier BEGIN
        \(subtract("OLD"))
        \(add("NEW"))
        END;
        """

    /// The New Caledonian day of a stored UTC instant, '' when there is none.
    static func day(_ column: String) -> String {
        "coalesce(date(\(column), '+11 hours'), '')"
    }

    static func processingDays(_ row: String) -> String {
        "CAST(julianday(\(row)decided_at) - julianday(\(row)submitted_at) AS INTEGER)"
    }

    static func decidedCondition(_ row: String) -> String {
        "\(row)decided_at IS NOT NULL AND \(row)submitted_at IS NOT NULL AND \(row)state IN \(decidedStates)"
    }

    private static func add(_ row: String) -> String {
        let r = row + "."
        return """
            INSERT INTO dossier_state_tally (procedure_code, state, n)
                SELECT \(r)procedure_code, \(r)state, 1 WHERE \(r)state <> 'brouillon'
                ON CONFLICT (procedure_code, state) DO UPDATE SET n = n + 1;
            INSERT INTO dossier_open_tally (procedure_code, state, submitted_day, due_day, n)
                SELECT \(r)procedure_code, \(r)state, \(day(r + "submitted_at")), coalesce(\(r)due_on, ''), 1
                WHERE \(r)state IN \(openStates)
                ON CONFLICT (procedure_code, state, submitted_day, due_day) DO UPDATE SET n = n + 1;
            INSERT INTO dossier_load_tally (assignee_id, state, n)
                SELECT coalesce(\(r)assignee_id, 0), \(r)state, 1 WHERE \(r)state IN \(openStates)
                ON CONFLICT (assignee_id, state) DO UPDATE SET n = n + 1;
            INSERT INTO dossier_decision_tally (decided_day, procedure_code, state, processing_days, n)
                SELECT \(day(r + "decided_at")), \(r)procedure_code, \(r)state, \(processingDays(r)), 1
                WHERE \(decidedCondition(r))
                ON CONFLICT (decided_day, procedure_code, state, processing_days) DO UPDATE SET n = n + 1;
            """
    }

    private static func subtract(_ row: String) -> String {
        let r = row + "."
        return """
            UPDATE dossier_state_tally SET n = n - 1
                WHERE procedure_code = \(r)procedure_code AND state = \(r)state AND \(r)state <> 'brouillon';
            UPDATE dossier_open_tally SET n = n - 1
                WHERE procedure_code = \(r)procedure_code AND state = \(r)state
                AND submitted_day = \(day(r + "submitted_at")) AND due_day = coalesce(\(r)due_on, '')
                AND \(r)state IN \(openStates);
            UPDATE dossier_load_tally SET n = n - 1
                WHERE assignee_id = coalesce(\(r)assignee_id, 0) AND state = \(r)state AND \(r)state IN \(openStates);
            UPDATE dossier_decision_tally SET n = n - 1
                WHERE decided_day = \(day(r + "decided_at")) AND procedure_code = \(r)procedure_code
                AND state = \(r)state AND processing_days = \(processingDays(r)) AND \(decidedCondition(r));
            """
    }
}
