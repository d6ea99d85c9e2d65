/// Erases one dossier inside the caller's transaction: answers, internal notes, its pieces' links
/// and its retention row go; `erased_dossier` keeps its number, procedure, state and dates, and
/// why it went (`conservation`, `effacement`), nothing about the person. Returns the documents
/// it linked, for ``DocumentRelease``; the caller erases its events' content in the same
/// transaction.
enum DossierErasure {
    static func erase(_ db: any StoreSession, dossierID: Int64, term: RetentionTerm?, reason: String, at: String) throws -> Set<Int64> {
        guard let row = try StoreRow.fetchOne(db.cachedStatement(sql: """
            SELECT number, procedure_code, procedure_title, state, submitted_at, decided_at FROM dossier WHERE id = ?
            """), arguments: [dossierID]) else { return [] }
        var documents = Set(try Int64.fetchAll(db.cachedStatement(sql: "SELECT document_id FROM dossier_document WHERE dossier_id = ?"),
                                               arguments: [dossierID]))
        documents.formUnion(try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT document_id FROM dossier_piece WHERE dossier_id = ? AND document_id IS NOT NULL
            """), arguments: [dossierID]))
        for sql in ["DELETE FROM dossier_note WHERE dossier_id = ?", "DELETE FROM dossier_piece WHERE dossier_id = ?",
                    "DELETE FROM dossier_document WHERE dossier_id = ?", "DELETE FROM dossier_retention WHERE dossier_id = ?",
                    "UPDATE dossier SET previous_id = NULL WHERE previous_id = ?"] {
            try db.cachedStatement(sql: sql).execute(arguments: [dossierID])
        }
        try db.cachedStatement(sql: """
            INSERT INTO erased_dossier (id, number, procedure_code, procedure_title, state, submitted_at, decided_at,
                                        retention_years, until, erased_at, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [dossierID, row["number"] as String?, row["procedure_code"] as String,
                                     row["procedure_title"] as String, row["state"] as String, row["submitted_at"] as String?,
                                     row["decided_at"] as String?, term?.years, term?.until.iso, at, reason])
        try db.cachedStatement(sql: "DELETE FROM dossier WHERE id = ?").execute(arguments: [dossierID])
        return documents
    }
}
