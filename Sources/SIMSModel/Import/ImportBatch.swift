/// What the preparing thread of an import hands to the writer (see ``PreparingThread``).
enum ImportBatch: Sendable {
    /// Tiers to write, in order.
    case tiers([PreparedTier])
    /// A sorted run of index rows of tiers already handed over.
    case tokens(SearchTokenRun)
}
