/// SQLite's side of `guichet check`: `PRAGMA integrity_check`, GRDB's table of migrations, the
/// attestation triggers of `sqlite_master`, `PRAGMA foreign_key_check`.
extension SQLiteSession: StoreIntegrityChecking {
    func integrityMessages() throws -> [String] {
        let messages = try String.fetchAll(self, sql: "PRAGMA integrity_check")
        return messages == ["ok"] ? [] : messages
    }

    func appliedMigrations() throws -> Set<String> {
        Set(try String.fetchAll(self, sql: "SELECT identifier FROM grdb_migrations"))
    }

    func attestationTriggerProblems() throws -> [(name: String, missing: Bool)] {
        let present = Dictionary(uniqueKeysWithValues: try StoreRow.fetchAll(self, sql: """
            SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'attest\\_%' ESCAPE '\\'
            """).map { ($0["name"] as String, $0["sql"] as String) })
        var problems: [(name: String, missing: Bool)] = []
        for table in AttestedTable.all {
            for trigger in table.triggers where present[trigger.name] != trigger.sql {
                problems.append((trigger.name, present[trigger.name] == nil))
            }
        }
        return problems
    }

    func foreignKeyViolations() throws -> [(table: String, parent: String)] {
        try StoreRow.fetchAll(self, sql: "PRAGMA foreign_key_check").map { ($0["table"] as String, $0["parent"] as String) }
    }
}
