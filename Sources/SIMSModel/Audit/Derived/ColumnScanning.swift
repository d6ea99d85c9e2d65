/// What an engine does to walk a large table without building a row per row: each row's columns
/// read in place, integers as they are and text as its bytes (valid until the next row). SQLite
/// steps its statement on its C API. The check reads the search index this way, and the list of
/// inactive persons a million persons and a million dossiers.
///
/// ```swift
/// try db.capability(ColumnScanning.self).scanColumns(sql: "SELECT token, tier_id FROM search_token") { row in
///     sum.add(row.bytes(0), row.integer(1))
/// }
/// ```
protocol ColumnScanning {
    func scanColumns(sql: String, arguments: StoreArguments, _ body: (any ScannedColumns) throws -> Void) throws
}

extension ColumnScanning {
    func scanColumns(sql: String, _ body: (any ScannedColumns) throws -> Void) throws {
        try scanColumns(sql: sql, arguments: StoreArguments(), body)
    }
}

/// The columns of the row a ``ColumnScanning`` scan stands on.
protocol ScannedColumns {
    /// The column as an integer (0 for NULL).
    func integer(_ column: Int32) -> Int64
    /// The column's text as bytes, empty for NULL; valid until the scan moves to the next row.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer
    /// Whether the column is NULL.
    func isNull(_ column: Int32) -> Bool
}
