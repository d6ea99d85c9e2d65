import Foundation

/// Reads and writes the `dossier` and `dossier_piece` rows.
enum DossierRow {
    /// The columns ``dossier(_:_:)`` reads, by position.
    static let columns = """
        id, number, tracking_code, procedure_code, procedure_title, applicant_id, applicant_version, beneficiary_id,
        beneficiary_version, state, answers, focus, previous_id, created_by, created_at, updated_at, submitted_at, due_on,
        assignee_id
        """

    static func load(_ db: any StoreSession, id: Int64) throws -> Dossier? {
        guard let row = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM dossier WHERE id = ?"),
                                         arguments: [id]) else { return nil }
        return try dossier(db, row)
    }

    /// A dossier from a row of ``columns``, with its pieces.
    static func dossier(_ db: any StoreSession, _ row: StoreRow) throws -> Dossier {
        let id: Int64 = row[0]
        var pieces: [String: PieceStatus] = [:]
        let rows = try StoreRow.fetchCursor(db.cachedStatement(sql: """
            SELECT piece_key, status, document_id, issued_on FROM dossier_piece WHERE dossier_id = ?
            """), arguments: [id])
        while let piece = try rows.next() {
            let key: String = piece[0], status: String = piece[1], documentID: Int64? = piece[2]
            switch status {
            case "reutilisee": pieces[key] = documentID.map { .reused(documentID: $0) } ?? .missing
            case "remise": pieces[key] = .handedIn(issuedOn: piece[3])
            default: pieces[key] = .missing
            }
        }
        return Dossier(id: id, number: row[1], trackingCode: row[2], procedureCode: row[3], procedureTitle: row[4],
                       applicantID: row[5], applicantVersion: row[6], beneficiaryID: row[7], beneficiaryVersion: row[8],
                       state: DossierState(rawValue: row[9]) ?? .draft, answers: decode(row[10]), pieces: pieces,
                       focus: row[11], previousID: row[12], createdBy: row[13], createdAt: row[14], updatedAt: row[15],
                       submittedAt: row[16], dueOn: row[17], assigneeID: row[18])
    }

    static func writePieces(_ db: any StoreSession, dossierID: Int64, pieces: [String: PieceStatus],
                            documents: [String: Int64] = [:]) throws {
        try db.cachedStatement(sql: "DELETE FROM dossier_piece WHERE dossier_id = ?").execute(arguments: [dossierID])
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
            try db.cachedStatement(sql: """
                INSERT INTO dossier_piece (dossier_id, piece_key, status, document_id, issued_on) VALUES (?, ?, ?, ?, ?)
                """).execute(arguments: [dossierID, key, status.code, documentID, issuedOn])
        }
    }

    static func encode(_ answers: [String: String]) -> String {
        FlatJSON.encode(answers)
    }

    static func decode(_ json: String) -> [String: String] {
        FlatJSON.decode(json)?.compactMapValues { $0 } ?? [:]
    }
}
