import Foundation
package import GRDB

extension StoreMigrations {
    /// Migration v20: the register's identity (``RegisterIdentity``), drawn at random once, which
    /// anchors and backup seals name.
    static func addRegisterIdentity(_ db: Database) throws {
        try RegisterIdentity.create(db, at: Date())
    }
}
