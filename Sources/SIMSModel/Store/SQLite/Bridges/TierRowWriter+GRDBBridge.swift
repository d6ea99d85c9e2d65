package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension TierRowWriter {
    static func rewriteSummary(_ db: Database, id: Int64, kind: TierKind, before: TierSnapshot, version: Int,
                               at: String) throws {
        try rewriteSummary(SQLiteSession(db), id: id, kind: kind, before: before, version: version, at: at)
    }

}
