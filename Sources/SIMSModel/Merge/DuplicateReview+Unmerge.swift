extension DuplicateReview {
    /// An undone merge unsettles the pair decided « même personne » that led to it: the pair goes
    /// back to « à revoir » (its decision cleared), so that a superviseur decides again, likely
    /// « personnes différentes ». Inside the unmerge's transaction (its event attests the row).
    /// Returns whether a pair was reopened.
    @discardableResult
    static func reopenAfterUnmerge(_ db: any StoreSession, _ x: Int64, _ y: Int64) throws -> Bool {
        try db.execute(sql: """
            UPDATE duplicate_pair SET state = ?, decided_by = NULL, decided_at = NULL
            WHERE tier_a = ? AND tier_b = ? AND state = ?
            """, arguments: [DuplicatePairState.toReview.rawValue, min(x, y), max(x, y), DuplicatePairState.samePerson.rawValue])
        return db.changesCount > 0
    }
}
