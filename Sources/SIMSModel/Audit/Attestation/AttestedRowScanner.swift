package import GRDB
package import GRDBSQLite

/// Reads an attested table back and hands each row's name, bucket and digest to `body`, with the
/// same digest the triggers computed when the row was written.
package enum AttestedRowScanner {
    /// With `legacy`, the columns attested before v19 (migration v19 takes their digests out).
    static func scan(_ db: Database, table: AttestedTable, where condition: String? = nil, legacy: Bool = false,
                     body: (_ key: () -> String, _ bucket: Int64, _ leaf: RowLeaf) throws -> Void) throws {
        let select = legacy ? table.legacySelectSQL : table.selectSQL
        let statement = try db.makeStatement(sql: select + (condition.map { " WHERE \($0)" } ?? ""))
        let handle = statement.sqliteStatement
        let width = legacy ? table.legacyColumns.count : table.columns.count
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1024)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            let leaf = RowLeaf(table: table, count: width, buffer: &buffer) { sqlite3_column_value(handle, Int32($0)) }
            let bucket = sqlite3_column_type(handle, 0) == SQLITE_INTEGER ? sqlite3_column_int64(handle, 0) / AttestedTable.bucketWidth : 0
            try body({ AttestationFunctions.key(table: table) { sqlite3_column_value(handle, Int32($0)) }.0 }, bucket, leaf)
        }
        sqlite3_reset(handle)
    }

    /// Every row of every attested table as bucket sums: what an event attests when it takes the
    /// register as it stands (the migration that introduced the attestation).
    /// With `tables` and `condition`, only those rows (a bulk writer attesting what it wrote with
    /// its triggers set aside).
    package static func snapshot(_ db: Database, tables: [AttestedTable] = AttestedTable.all,
                                 where condition: String? = nil, legacy: Bool = false) throws -> RowAttestation {
        var attestation = RowAttestation()
        for table in tables {
            try scan(db, table: table, where: condition, legacy: legacy) { _, bucket, leaf in
                attestation.buckets[RowAttestation.BucketKey(table: table.name, bucket: bucket), default: RowAttestation.BucketSums()]
                    .added.add(leaf)
            }
        }
        return attestation
    }
}
