/// The capability of an engine's session to reserve tier numbers ahead of the rows that take
/// them (SQLite: the table's `AUTOINCREMENT` counter; PostgreSQL would move the sequence), for
/// ``TierImporter``: a counter agent creating a record during a long import takes the number
/// after the import's. `try db.capability(TierIDReserving.self)`.
protocol TierIDReserving {
    /// Reserves `count` tier ids after every id given so far; returns the first.
    func reserveTierIDs(count: Int64) throws -> Int64

    /// Hands back the ids after `used` up to `reserved`, unless a number was given after them.
    func releaseTierIDs(reservedUpTo reserved: Int64, usedUpTo used: Int64) throws
}
