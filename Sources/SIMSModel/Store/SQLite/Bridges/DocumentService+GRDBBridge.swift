package import GRDB

// GRDB overload of DocumentService's session function, for callers not yet behind the store
// seam (Verification). To be deleted once every caller passes a session.
extension DocumentService {
    static func fetch(_ db: Database, ids: [Int64]) throws -> [Document] {
        try fetch(SQLiteSession(db), ids: ids)
    }
}
