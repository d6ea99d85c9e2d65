import Foundation
package import GRDB

/// Finds the rows that point at a record that no longer exists, or at a record that reused the
/// id of a deleted one, and detaches them: each is moved to `detached_row` (its content as JSON,
/// with the reason) and never attached to another record.
///
/// Events cannot move (their hash covers their dossier): those that belonged to an earlier
/// dossier with the same id are listed in `event_detachment`, which the histories leave out.
enum StoreRepair {
    /// One link of a child table to its parent.
    struct Link {
        var child: String
        var column: String
        var parent: String
        var label: String
        /// The reason given for a detached row, in French.
        var missing: String
    }

    static let links: [Link] = [
        Link(child: "fact_record", column: "tier_id", parent: "tier", label: "fiche", missing: "fiche absente"),
        Link(child: "relation", column: "tier_id", parent: "tier", label: "fiche", missing: "fiche absente"),
        Link(child: "relation", column: "related_id", parent: "tier", label: "fiche liée", missing: "fiche liée absente"),
        Link(child: "document_owner", column: "tier_id", parent: "tier", label: "fiche", missing: "fiche absente"),
        Link(child: "document_owner", column: "document_id", parent: "document", label: "pièce", missing: "pièce absente"),
        Link(child: "dossier_piece", column: "dossier_id", parent: "dossier", label: "dossier", missing: "dossier absent"),
        Link(child: "dossier_document", column: "dossier_id", parent: "dossier", label: "dossier", missing: "dossier absent"),
        Link(child: "dossier_document", column: "document_id", parent: "document", label: "pièce", missing: "pièce absente"),
        Link(child: "dossier_note", column: "dossier_id", parent: "dossier", label: "dossier", missing: "dossier absent"),
        Link(child: "draft", column: "tier_id", parent: "tier", label: "fiche", missing: "fiche absente"),
    ]

    /// Detaches every orphan; returns one French line per kind of orphan found.
    @discardableResult
    static func detachOrphans(_ db: Database, at: String) throws -> [String] {
        var report: [String] = []
        for link in links {
            let condition = "\(link.column) IS NOT NULL AND \(link.column) NOT IN (SELECT id FROM \(link.parent))"
            let moved = try detach(db, table: link.child, where: condition,
                                   reason: "\(link.missing) (\(link.parent).id = ' || \(link.column) || ')", at: at)
            if moved > 0 { report.append("\(moved) ligne(s) de \(link.child) rattachée(s) à un(e) \(link.label) qui n'existe plus : détachées") }
        }
        // A dossier id reused after a brouillon was deleted: what was attached before the dossier
        // that holds the id now was created belongs to the deleted one.
        let reused = try detach(db, table: "dossier_document", where: """
            added_at < (SELECT created_at FROM dossier WHERE dossier.id = dossier_document.dossier_id)
            """, reason: "jointe à un brouillon supprimé dont le n° ' || dossier_id || ' a été réutilisé", at: at)
        if reused > 0 { report.append("\(reused) pièce(s) jointe(s) d'un brouillon supprimé, visibles dans le dossier qui a repris son n° : détachées") }
        let notes = try detach(db, table: "dossier_note", where: """
            created_at < (SELECT created_at FROM dossier WHERE dossier.id = dossier_note.dossier_id)
            """, reason: "note d''un dossier supprimé dont le n° ' || dossier_id || ' a été réutilisé", at: at)
        if notes > 0 { report.append("\(notes) note(s) d'un dossier supprimé : détachées") }
        try db.execute(sql: """
            INSERT OR IGNORE INTO event_detachment (event_id, former_dossier_id, reason, detached_at)
            SELECT e.id, e.dossier_id, 'événement d''un brouillon supprimé dont le n° a été réutilisé', ?
            FROM event e
            WHERE e.dossier_id IS NOT NULL
              AND e.id < (SELECT max(s.id) FROM event s WHERE s.dossier_id = e.dossier_id AND s.kind = 'dossier.start')
            """, arguments: [at])
        let events = db.changesCount
        if events > 0 { report.append("\(events) événement(s) d'un brouillon supprimé, visibles dans le dossier qui a repris son n° : retirés de son historique") }
        return report
    }

    /// Moves the rows of `table` matching `condition` to `detached_row`; returns how many.
    private static func detach(_ db: Database, table: String, where condition: String, reason: String, at: String) throws -> Int {
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        let json = "json_object(" + columns.map { "'\($0)', \($0)" }.joined(separator: ", ") + ")"
        try db.execute(sql: """
            INSERT INTO detached_row (table_name, row_data, reason, detached_at)
            SELECT '\(table)', \(json), '\(reason)', ? FROM \(table) WHERE \(condition)
            """, arguments: [at])
        let moved = db.changesCount
        if moved > 0 { try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)") }
        return moved
    }
}
