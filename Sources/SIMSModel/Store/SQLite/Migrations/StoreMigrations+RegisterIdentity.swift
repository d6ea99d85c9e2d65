import Foundation
package import GRDB

extension StoreMigrations {
    /// Migration v20: the register's identity (``RegisterIdentity``), drawn at random once, which
    /// anchors and backup seals name.
    static func addRegisterIdentity(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE register_identity (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                register_id TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """)
        try db.execute(sql: "INSERT INTO register_identity (id, register_id, created_at) VALUES (1, ?, ?)",
                       arguments: [RegisterIdentity.newID(), Timestamp.string(from: Date())])
    }
}
