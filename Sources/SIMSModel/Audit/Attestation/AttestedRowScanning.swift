/// What an engine does to read an attested table back for the check: every row's name, bucket
/// and digest (``RowLeaf``), computed exactly as when the row was written. It walks every attested
/// row of the register, so each engine does it at its own full speed (SQLite: its C API).
///
/// ```swift
/// try db.capability(AttestedRowScanning.self).scanAttestedRows(table: table, where: nil, legacy: false) { key, bucket, leaf in ... }
/// ```
protocol AttestedRowScanning {
    /// With `legacy`, the columns attested before v19. `key` names the row (computed only when called).
    func scanAttestedRows(table: AttestedTable, where condition: String?, legacy: Bool,
                          body: (_ key: () -> String, _ bucket: Int64, _ leaf: RowLeaf) throws -> Void) throws
}
