/// The salt of attested rows (see ``AttestedTable``): renewed when an erasure clears personal
/// values from a row that stays, so that the digests the older events carry of that row (its
/// former values under its former salt) can no longer be matched by guessing the values.
///
/// ```swift
/// try RowSalt.renew(db, table: "tier", where: "id = ?", arguments: [42])
/// ```
enum RowSalt {
    /// Gives the rows of `table` matching `condition` a new random salt (the write is attested
    /// like any other: the erasure's event carries the rows' new digests).
    static func renew(_ db: any StoreSession, table: String, where condition: String, arguments: StoreArguments) throws {
        try db.capability(RowAttesting.self).renewRowSalts(table: table, where: condition, arguments: arguments)
    }
}
