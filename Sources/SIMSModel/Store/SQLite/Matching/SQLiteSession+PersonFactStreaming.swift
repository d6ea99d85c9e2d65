package import GRDB

extension SQLiteSession: PersonFactStreaming {
    /// Read through GRDB's row cursor, which reuses one row for every record: a million persons'
    /// records are read without a value copied per column.
    package func forEachPersonFactRecord(_ body: (_ tierID: Int64, _ fieldValues: String) throws -> Void) throws {
        let statement = try database.makeStatement(sql: """
            SELECT f.tier_id, f.field_values FROM fact_record f JOIN tier t ON t.id = f.tier_id
            WHERE t.kind = 'personne'
              AND t.id NOT IN (\(RetiredTiers.idsSQL))
            ORDER BY f.tier_id, f.seq
            """)
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            try body(row[0], row[1])
        }
    }
}
