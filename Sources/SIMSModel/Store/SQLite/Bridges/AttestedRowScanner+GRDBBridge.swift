package import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension AttestedRowScanner {
    package static func snapshot(_ db: Database, tables: [AttestedTable] = AttestedTable.all,
                                 where condition: String? = nil, legacy: Bool = false) throws -> RowAttestation {
        try snapshot(SQLiteSession(db), tables: tables, where: condition, legacy: legacy)
    }
}
