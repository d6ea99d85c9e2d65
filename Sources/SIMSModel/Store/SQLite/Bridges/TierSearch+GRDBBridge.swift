package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension TierSearch {
    package func search(_ db: Database, query: SearchQuery, limit: Int) throws -> [SearchHit] {
        try search(SQLiteSession(db), query: query, limit: limit)
    }
}
