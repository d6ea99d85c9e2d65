/// SQLite runs one write transaction at a time: the dossier a claim reads stays free until its
/// UPDATE, and no row lock is needed.
extension SQLiteSession: ClaimLocking {
    package var claimLockClause: String { "" }
}
