/// Walks the rows of a long query column by column, without making a row value of each: how
/// ``InactiveTierReview`` reads a million persons and a million dossiers in one pass each. Each
/// engine's session adopts it (`try db.capability(ColumnScanning.self)`).
///
/// ```swift
/// try db.capability(ColumnScanning.self).scanColumns(sql: "SELECT id, display_name FROM tier", arguments: []) { row in
///     names[row.int64(0)] = row.text(1)
/// }
/// ```
package protocol ColumnScanning {
    /// Runs `sql` to its last row, handing each row to `body` (valid during that call only).
    func scanColumns(sql: String, arguments: StoreArguments, _ body: (any ScannedColumns) throws -> Void) throws
}
