/// Recomputes the dashboard's running tallies (see ``DossierTallySQL``) from the dossiers and
/// compares them with the tally tables: a tally changed by hand shows the superviseurs a false
/// picture of the work (fewer late dossiers, another agent's load).
enum TallyVerifier {
    /// Each tally table, its key columns in French, and the query that recomputes it.
    private static let tallies: [(table: String, what: String, keys: [String], recomputed: String)] = [
        ("dossier_state_tally", "dossiers déposés par procédure et état", ["procedure_code", "state"], """
            SELECT procedure_code, state, count(*) FROM dossier WHERE state <> 'brouillon' GROUP BY 1, 2
            """),
        ("dossier_open_tally", "dossiers ouverts par date de dépôt et d'échéance",
         ["procedure_code", "state", "submitted_day", "due_day"], """
            SELECT procedure_code, state, \(DossierTallySQL.day("submitted_at")), coalesce(due_on, ''), count(*)
            FROM dossier WHERE state IN \(DossierTallySQL.openStates) GROUP BY 1, 2, 3, 4
            """),
        ("dossier_load_tally", "dossiers ouverts par agent", ["assignee_id", "state"], """
            SELECT coalesce(assignee_id, 0), state, count(*) FROM dossier WHERE state IN \(DossierTallySQL.openStates) GROUP BY 1, 2
            """),
        ("dossier_decision_tally", "décisions par jour et délai", ["decided_day", "procedure_code", "state", "processing_days"], """
            SELECT \(DossierTallySQL.day("decided_at")), procedure_code, state, \(DossierTallySQL.processingDays("")), count(*)
            FROM dossier WHERE \(DossierTallySQL.decidedCondition("")) GROUP BY 1, 2, 3, 4
            """),
    ]

    static func verify(_ db: any StoreSession) throws -> [String] {
        var problems: [String] = []
        for tally in tallies {
            let keys = tally.keys.joined(separator: ", ")
            let stored = "SELECT \(keys), n FROM \(tally.table) WHERE n <> 0"
            let wrong = try StoreRow.fetchAll(db, sql: """
                SELECT * FROM (\(tally.recomputed) EXCEPT \(stored))
                UNION ALL SELECT * FROM (\(stored) EXCEPT \(tally.recomputed)) LIMIT 1
                """)
            guard let first = wrong.first else { continue }
            let values = (0..<tally.keys.count).map { ShownText.escaped(text(first.values[$0])) }
            problems.append("Tableau de bord : le décompte des \(tally.what) (\(tally.table) : \(values.joined(separator: ", "))) "
                + "ne correspond plus aux dossiers (modifié hors de l'application) ; les chiffres affichés sont faux.")
        }
        return problems
    }

    private static func text(_ value: StoreValue) -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        default: return ""
        }
    }
}
