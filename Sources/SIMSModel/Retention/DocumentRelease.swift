import Foundation

/// The documents an erasure frees: those no remaining dossier links or asks for and no fact of
/// their owners names as its evidence are deleted with their owners' links; their files are
/// returned for removal after the commit (when no other document has the same content).
enum DocumentRelease {
    struct Released {
        var documents = 0
        var eventIDs: [Int64] = []
        var files: [(sha256: String, ext: String)] = []
    }

    static func releaseUnneeded(_ db: any StoreSession, documents: Set<Int64>) throws -> Released {
        var released = Released()
        for id in documents.sorted() {
            let linked = try Bool.fetchOne(db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM dossier_document WHERE document_id = ?)
                    OR EXISTS (SELECT 1 FROM dossier_piece WHERE document_id = ?)
                """), arguments: [id, id]) ?? true
            if linked { continue }
            let references = try String.fetchAll(db.cachedStatement(sql: """
                SELECT f.source_ref FROM fact_record f JOIN document_owner o ON o.tier_id = f.tier_id
                WHERE o.document_id = ? AND f.source_ref IS NOT NULL
                """), arguments: [id])
            let evidence = FactEvidence.reference(document: id)
            if references.contains(where: { $0.split(separator: " ").contains(Substring(evidence)) }) { continue }
            guard let row = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT sha256, file_ext, event_id FROM document WHERE id = ?"),
                                             arguments: [id]) else { continue }
            try db.cachedStatement(sql: "DELETE FROM document_owner WHERE document_id = ?").execute(arguments: [id])
            try db.cachedStatement(sql: "DELETE FROM document WHERE id = ?").execute(arguments: [id])
            released.documents += 1
            if let event: Int64 = row["event_id"] { released.eventIDs.append(event) }
            if let sha: String = row["sha256"],
               try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM document WHERE sha256 = ?)"), arguments: [sha]) == false {
                released.files.append((sha, row["file_ext"] ?? ""))
            }
        }
        return released
    }

    /// Removes the files of erased documents, after the commit; the count removed (a file already
    /// gone is no fault).
    @discardableResult
    static func removeFiles(_ files: [(sha256: String, ext: String)], storePath: String) -> Int {
        let fileStore = DocumentFileStore(storePath: storePath)
        var removed = 0
        for file in files {
            if (try? FileManager.default.removeItem(at: fileStore.url(sha256: file.sha256, extension: file.ext))) != nil { removed += 1 }
        }
        return removed
    }
}
