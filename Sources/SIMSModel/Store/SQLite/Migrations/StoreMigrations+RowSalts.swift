import Foundation
package import GRDB

extension StoreMigrations {
    /// The name of migration v19, which the re-attestation it appends names (see
    /// ``ReattestationRule``).
    static let rowSaltsMigration = "v19-row-salts"

    /// Migration v19: every attested row gets a random salt (`row_salt`, see ``AttestedTable``),
    /// the tier's search words and the tables first attested now (the duplicate score's weights,
    /// who holds which brouillon, the rows detached by v7) join the attestation, and one event
    /// re-attests the register: it takes out of the chain's sums every row's former digest and
    /// puts in its salted one, so that `check` still finds every row equal to what the chain
    /// attests, and the chain goes on unbroken.
    ///
    /// The salt is a column with a random default, so that every writer, whatever it names, gives
    /// each new row its own; SQLite cannot add such a column to a table, so each attested table
    /// is rebuilt with it (``StoreRebuild``).
    static func addRowSalts(_ db: Database) throws {
        let session = SQLiteSession(db)
        let tables = try AttestedTable.all.filter { try db.tableExists($0.name) }
        // What the chain attests of each row today, before the salts change every digest.
        let former = try AttestedRowScanner.snapshot(session, tables: tables.filter { !$0.legacyColumns.isEmpty }, legacy: true)
        for table in tables {
            for trigger in table.legacyTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger.name)") }
            guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                                       arguments: [table.name]) else { continue }
            // Ids are never handed out twice: the rebuilt table goes on from where the old one was.
            let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.name])
            try StoreRebuild.rebuild(db, table: table.name,
                                     definition: try saltedDefinition(definition, table: table.name))
            if let sequence {
                try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [sequence, table.name])
                if db.changesCount == 0 {
                    try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table.name, sequence])
                }
            }
            for trigger in table.triggers { try db.execute(sql: trigger.sql) }
        }
        let salted = try AttestedRowScanner.snapshot(session, tables: tables)
        guard !salted.isEmpty || !former.isEmpty else { return }   // a new store: nothing to re-attest
        var attestation = salted
        for (key, sums) in former.buckets {
            attestation.buckets[key, default: RowAttestation.BucketSums()].removed.add(sums.added)
        }
        let payload = ["migration": rowSaltsMigration, "tables": tables.map(\.name).joined(separator: ",")]
        let id = try EventLog.append(session, kind: .registerAttested, agentID: nil, tierID: nil, payload: payload, at: Date())
        guard let row = try StoreRow.fetchOne(session, sql: "SELECT * FROM event WHERE id = ?", arguments: [id]) else { return }
        try EventLog.attach(session, attestation, to: try AuditEvent(row: row))
    }

    /// `definition` (a table's `CREATE TABLE` as SQLite keeps it) with the salt column added after
    /// the last column, before the table's constraints, as SQLite's own `ADD COLUMN` places it,
    /// and the table's name written plainly (``StoreRebuild`` expects `CREATE TABLE <name> (`).
    static func saltedDefinition(_ definition: String, table: String) throws -> String {
        let text = Array(definition)
        guard let open = text.firstIndex(of: "(") else {
            throw DatabaseError(resultCode: .SQLITE_ERROR, message: "v19 : définition illisible de \(table)")
        }
        var depth = 0, close = text.count, insertAt: Int?
        var index = open + 1
        var quote: Character?
        func startsConstraint(_ from: Int) -> Bool {
            let part = String(text[from..<min(text.count, from + 16)]).trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
            return ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains { part.hasPrefix($0) }
        }
        while index < text.count {
            let c = text[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" || c == "`" {
                quote = c
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 { close = index; break }
                depth -= 1
            } else if c == ",", depth == 0 {
                if insertAt == nil, startsConstraint(index + 1) { insertAt = index }
            }
            index += 1
        }
        let column = ", \(AttestedTable.saltColumn) BLOB NOT NULL DEFAULT (randomblob(16))"
        let at = insertAt ?? close
        let body = String(text[(open + 1)..<at]) + column + String(text[at..<close])
        return "CREATE TABLE \(table) (" + body + String(text[close...])
    }
}
