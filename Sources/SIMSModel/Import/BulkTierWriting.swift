import Foundation

/// The capability of an engine's session to write many tiers at once (``BulkTierRows``), asked
/// by ``BulkTierWriter``: `try db.capability(BulkTierWriting.self).bulkTierRows(at: now)`.
protocol BulkTierWriting {
    /// The bulk rows of this transaction, every row stamped `at`.
    func bulkTierRows(at: Date) throws -> any BulkTierRows
}
