/// The review queue after merges. A merge leaves the other pairs of its records in the queue
/// (the analysis found n° 3–n° 7, n° 6–n° 7 and n° 3–n° 6; merging n° 7 into n° 3 settles the
/// first): a pair whose two records are now one, or that leads to records another pair of the
/// queue already names (to review or decided), has nothing left to decide and is not shown nor
/// counted; a pair with one record merged elsewhere compares that record's survivor.
///
/// ```swift
/// let review = DuplicateReview(store: store)
/// review.standingPendingCount()   // what the « Doublons » screen says is left to review
/// ```
extension DuplicateReview {
    /// The pairs still to review as their records stand, most likely first.
    public func standingQueue(limit: Int = 500) throws -> [StandingDuplicatePair] {
        try store.read { db in
            let pairs = try StoreRow.fetchAll(db, sql: DuplicatePair.selectSQL + " WHERE p.state = ? ORDER BY p.probability DESC, p.id LIMIT ?",
                                         arguments: [DuplicatePairState.toReview.rawValue, limit]).map(DuplicatePair.init(row:))
            return try Self.standing(db, pairs)
        }
    }

    /// How many pairs ``standingQueue(limit:)`` holds without its limit.
    public func standingPendingCount() throws -> Int {
        try store.read { db in
            let all = try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicate_pair WHERE state = ?",
                                       arguments: [DuplicatePairState.toReview.rawValue]) ?? 0
            // Only the pairs naming an absorbed record can be settled by a merge: few, read whole.
            let touched = try StoreRow.fetchAll(db, sql: DuplicatePair.selectSQL + """
                 WHERE p.state = ? AND EXISTS (SELECT 1 FROM tier_merge m WHERE m.undone_at IS NULL
                                               AND m.absorbed_id IN (p.tier_a, p.tier_b))
                 ORDER BY p.probability DESC, p.id
                """, arguments: [DuplicatePairState.toReview.rawValue]).map(DuplicatePair.init(row:))
            return all - touched.count + (try Self.standing(db, touched).count)
        }
    }

    /// One pair as its records stand (decided or not), or nil when it does not exist.
    public func standingPair(id: Int64) throws -> StandingDuplicatePair? {
        try store.read { db in
            guard let pair = try Self.pair(db, id: id) else { return nil }
            return try Self.resolved(db, pair)
        }
    }

    /// The pairs, in their order, that still have something to decide, each record followed to
    /// its survivor; of several pairs leading to the same two records, the first.
    static func standing(_ db: any StoreSession, _ pairs: [DuplicatePair]) throws -> [StandingDuplicatePair] {
        var shown: [StandingDuplicatePair] = []
        var seen = Set<PairKey>()
        for pair in pairs {
            let standing = try resolved(db, pair)
            let key = PairKey(standing.tierA, standing.tierB)
            if standing.redirects.isEmpty {
                seen.insert(key)
                shown.append(standing)
                continue
            }
            guard standing.tierA != standing.tierB, !seen.contains(key) else { continue }
            if let other = try Self.pair(db, key.a, key.b), other.id != pair.id { continue }
            seen.insert(key)
            shown.append(standing)
        }
        return shown
    }

    /// The pair with each record followed to the one it leads to.
    static func resolved(_ db: any StoreSession, _ pair: DuplicatePair) throws -> StandingDuplicatePair {
        let redirectA = try TierRedirect.find(db, id: pair.tierA), redirectB = try TierRedirect.find(db, id: pair.tierB)
        return StandingDuplicatePair(pair: pair, tierA: redirectA?.survivorID ?? pair.tierA,
                                     tierB: redirectB?.survivorID ?? pair.tierB, redirects: [redirectA, redirectB].compactMap { $0 })
    }
}
