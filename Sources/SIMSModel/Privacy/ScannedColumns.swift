/// The row a ``ColumnScanning`` scan stands on, read by column position (from 0).
package protocol ScannedColumns {
    /// The column as an integer (0 when NULL).
    func int64(_ column: Int32) -> Int64
    /// Whether the column is NULL.
    func isNull(_ column: Int32) -> Bool
    /// The column as text, nil when NULL.
    func text(_ column: Int32) -> String?
}
