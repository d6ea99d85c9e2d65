import Foundation
import GRDB

/// A dossier found by its number (« BS-2026-000001 »), to attach a file of the inbox folder to it.
public struct InboxDossier: Sendable, Equatable {
    public var id: Int64
    public var number: String
    public var procedureTitle: String
    public var applicantID: Int64

    public init(id: Int64, number: String, procedureTitle: String, applicantID: Int64) {
        self.id = id
        self.number = number
        self.procedureTitle = procedureTitle
        self.applicantID = applicantID
    }

    /// The dossier whose number is `text` (spaces and case ignored), if any.
    public static func find(number text: String, in store: SIMSStore) throws -> InboxDossier? {
        let number = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard number.count >= 4, number.contains("-"), number.contains(where: \.isNumber) else { return nil }
        return try store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, number, procedure_title, applicant_id FROM dossier WHERE number = ?",
                             arguments: [number]).map { row in
                InboxDossier(id: row["id"], number: row["number"], procedureTitle: row["procedure_title"],
                             applicantID: row["applicant_id"])
            }
        }
    }
}
