internal import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension DocumentRelease {
    static func releaseUnneeded(_ db: Database, documents: Set<Int64>) throws -> Released {
        try releaseUnneeded(SQLiteSession(db), documents: documents)
    }
}
