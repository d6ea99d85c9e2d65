/// The SQLite triggers that hand each written row of an attested table to `sims_attest`
/// (``AttestationFunctions``), as the store must hold them (`guichet check` compares them).
extension AttestedTable {
    /// The three triggers of this table, as the store must hold them.
    var triggers: [(name: String, sql: String)] { triggers(of: columns) }

    /// The triggers as the migrations before v19 made them (no salt).
    var legacyTriggers: [(name: String, sql: String)] { triggers(of: legacyColumns) }

    private func triggers(of columns: [String]) -> [(name: String, sql: String)] {
        let new = columns.map { "NEW.\($0)" }.joined(separator: ", ")
        let old = columns.map { "OLD.\($0)" }.joined(separator: ", ")
        let list = columns.joined(separator: ", ")
        return [
            ("attest_\(name)_insert",
             "CREATE TRIGGER attest_\(name)_insert AFTER INSERT ON \(name) BEGIN SELECT sims_attest('+', '\(name)', \(new)); END"),
            ("attest_\(name)_update",
             "CREATE TRIGGER attest_\(name)_update AFTER UPDATE OF \(list) ON \(name) BEGIN SELECT sims_attest('~', '\(name)', \(old), \(new)); END"),
            ("attest_\(name)_delete",
             "CREATE TRIGGER attest_\(name)_delete AFTER DELETE ON \(name) BEGIN SELECT sims_attest('-', '\(name)', \(old)); END"),
        ]
    }
}
