/// The records that no longer stand for a person of their own: absorbed by a standing merge (they
/// redirect to their survivor) or erased completely at the person's request (only their number is
/// left). What counts, samples or analyses the register leaves them out.
///
/// ```swift
/// "SELECT count(*) FROM tier WHERE id NOT IN (\(RetiredTiers.idsSQL))"
/// ```
enum RetiredTiers {
    /// Their ids, as an SQL subquery.
    static let idsSQL = "SELECT absorbed_id FROM tier_merge WHERE undone_at IS NULL "
        + "UNION ALL SELECT tier_id FROM tier_erasure WHERE complete = 1"
}
