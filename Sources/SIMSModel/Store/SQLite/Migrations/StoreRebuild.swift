import Foundation
package import GRDB

/// Rebuilds a table under a new definition (SQLite cannot add `AUTOINCREMENT` or a foreign key
/// to an existing table): creates it anew, copies the rows, and puts its indexes and triggers back.
///
/// Runs inside a migration, with foreign keys off (GRDB checks them once the migration is done).
enum StoreRebuild {
    /// Replaces `table` with `definition` (a `CREATE TABLE <table> (...)` statement).
    static func rebuild(_ db: Database, table: String, definition: String) throws {
        let attachments = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL
            ORDER BY type, name
            """, arguments: [table])
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        let staging = "\(table)_rebuilt"
        let stagingDefinition = definition.replacingOccurrences(of: "CREATE TABLE \(table) (", with: "CREATE TABLE \(staging) (")
        precondition(stagingDefinition != definition, "definition of \(table) must start with CREATE TABLE \(table) (")
        try db.execute(sql: stagingDefinition)
        let list = columns.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO \(staging) (\(list)) SELECT \(list) FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(staging) RENAME TO \(table)")
        for sql in attachments { try db.execute(sql: sql) }
    }
}
