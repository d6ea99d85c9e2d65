import Foundation
/// Checks every document's file against its hash, for `guichet check`.
///
/// ```swift
/// let report = try DocumentFileVerifier.verify(store)
/// report.missing   // documents whose file is gone
/// ```
public enum DocumentFileVerifier {
    public static func verify(_ store: SIMSStore) throws -> DocumentFilesReport {
        let files = DocumentFileStore(storePath: store.path)
        let rows = try store.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT id, type, sha256, file_ext FROM document WHERE sha256 IS NOT NULL ORDER BY id")
        }
        var report = DocumentFilesReport(checked: rows.count, missing: [], corrupt: [], orphans: 0)
        var named = Set<String>()
        for row in rows {
            let id: Int64 = row["id"], sha256: String = row["sha256"]
            named.insert(sha256)
            let label = DocumentType(rawValue: row["type"])?.label ?? "pièce"
            let path = files.url(sha256: sha256, extension: row["file_ext"] ?? "").path
            switch files.state(of: sha256, extension: row["file_ext"] ?? "") {
            case .intact: break
            case .missing: report.missing.append("Pièce n° \(id) (\(label)) : fichier \(path) manquant.")
            case .corrupt: report.corrupt.append("Pièce n° \(id) (\(label)) : le contenu de \(path) a été modifié hors de l'application.")
            }
        }
        report.orphans = files.storedHashes().filter { !named.contains($0) }.count
        return report
    }
}
