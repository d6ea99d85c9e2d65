internal import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension DossierErasure {
    static func erase(_ db: Database, dossierID: Int64, term: RetentionTerm?, reason: String, at: String) throws -> Set<Int64> {
        try erase(SQLiteSession(db), dossierID: dossierID, term: term, reason: reason, at: at)
    }
}
