package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension SearchWordVariants {
    static func insert(_ db: Database, words: [String]) throws {
        try insert(SQLiteSession(db), words: words)
    }

    static func removeUnused(_ db: Database, words: [String]) throws {
        try removeUnused(SQLiteSession(db), words: words)
    }
}
