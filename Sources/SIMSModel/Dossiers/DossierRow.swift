import Foundation
import GRDB

/// Reads and writes the `dossier` and `dossier_piece` rows.
enum DossierRow {
    static func load(_ db: Database, id: Int64) throws -> Dossier? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM dossier WHERE id = ?", arguments: [id]) else { return nil }
        return try dossier(db, row)
    }

    static func dossier(_ db: Database, _ row: Row) throws -> Dossier {
        let id: Int64 = row["id"]
        var pieces: [String: PieceStatus] = [:]
        for piece in try Row.fetchAll(db, sql: "SELECT * FROM dossier_piece WHERE dossier_id = ?", arguments: [id]) {
            let documentID: Int64? = piece["document_id"]
            switch piece["status"] as String {
            case "reutilisee": pieces[piece["piece_key"]] = documentID.map { .reused(documentID: $0) } ?? .missing
            case "remise": pieces[piece["piece_key"]] = .handedIn(issuedOn: piece["issued_on"])
            default: pieces[piece["piece_key"]] = .missing
            }
        }
        return Dossier(id: id, number: row["number"], trackingCode: row["tracking_code"],
                       procedureCode: row["procedure_code"], procedureTitle: row["procedure_title"],
                       applicantID: row["applicant_id"], applicantVersion: row["applicant_version"],
                       beneficiaryID: row["beneficiary_id"], beneficiaryVersion: row["beneficiary_version"],
                       state: DossierState(rawValue: row["state"]) ?? .draft, answers: decode(row["answers"]),
                       pieces: pieces, focus: row["focus"], previousID: row["previous_id"], createdBy: row["created_by"],
                       createdAt: row["created_at"], updatedAt: row["updated_at"], submittedAt: row["submitted_at"],
                       dueOn: row["due_on"])
    }

    static func writePieces(_ db: Database, dossierID: Int64, pieces: [String: PieceStatus],
                            documents: [String: Int64] = [:]) throws {
        try db.execute(sql: "DELETE FROM dossier_piece WHERE dossier_id = ?", arguments: [dossierID])
        for (key, status) in pieces.sorted(by: { $0.key < $1.key }) {
            var documentID: Int64?
            var issuedOn: String?
            switch status {
            case .reused(let id): documentID = id
            case .handedIn(let date):
                issuedOn = date
                documentID = documents[key]
            case .missing: break
            }
            try db.execute(sql: """
                INSERT INTO dossier_piece (dossier_id, piece_key, status, document_id, issued_on) VALUES (?, ?, ?, ?, ?)
                """, arguments: [dossierID, key, status.code, documentID, issuedOn])
        }
    }

    static func encode(_ answers: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ json: String) -> [String: String] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String]) ?? [:]
    }
}
