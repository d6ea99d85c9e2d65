package import GRDBSQLite

extension TierRowText {
    /// Binds the column (or NULL) to a statement's parameter; SQLite reads it in place, so this
    /// object must outlive the statement's next step.
    func bind(_ column: Column, to statement: OpaquePointer, at index: Int32) {
        let bound = withBytes(of: column) { text, count in
            sqlite3_bind_text(statement, index, text, Int32(count), SQLiteBinding.static)
        }
        if bound == nil { sqlite3_bind_null(statement, index) }
    }
}
