package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension TierRedirect {
    package static func find(_ db: Database, id: Int64) throws -> TierRedirect? {
        try find(SQLiteSession(db), id: id)
    }

    package static func resolve(_ db: Database, id: Int64) throws -> Int64 {
        try resolve(SQLiteSession(db), id: id)
    }

}
