/// Reads an attested table back and hands each row's name, bucket and digest to `body`, with the
/// same digest the triggers computed when the row was written (the engine reads it:
/// ``AttestedRowScanning``).
package enum AttestedRowScanner {
    /// With `legacy`, the columns attested before v19 (migration v19 takes their digests out).
    static func scan(_ db: any StoreSession, table: AttestedTable, where condition: String? = nil, legacy: Bool = false,
                     body: (_ key: () -> String, _ bucket: Int64, _ leaf: RowLeaf) throws -> Void) throws {
        try db.capability(AttestedRowScanning.self).scanAttestedRows(table: table, where: condition, legacy: legacy, body: body)
    }

    /// Every row of every attested table as bucket sums: what an event attests when it takes the
    /// register as it stands (the migration that introduced the attestation).
    /// With `tables` and `condition`, only those rows (a bulk writer attesting what it wrote with
    /// its triggers set aside).
    package static func snapshot(_ db: any StoreSession, tables: [AttestedTable] = AttestedTable.all,
                                 where condition: String? = nil, legacy: Bool = false) throws -> RowAttestation {
        var attestation = RowAttestation()
        let scanning = try db.capability(AttestedRowScanning.self)
        for table in tables {
            try scanning.scanAttestedRows(table: table, where: condition, legacy: legacy) { _, bucket, leaf in
                attestation.buckets[RowAttestation.BucketKey(table: table.name, bucket: bucket), default: RowAttestation.BucketSums()]
                    .added.add(leaf)
            }
        }
        return attestation
    }
}
