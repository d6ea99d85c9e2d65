package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). To be deleted once every caller passes `any StoreSession`.
extension TierSearch {
    package func search(_ db: Database, query: SearchQuery, limit: Int) throws -> [SearchHit] {
        try search(SQLiteSession(db), query: query, limit: limit)
    }
}
