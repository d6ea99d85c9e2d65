import Foundation

/// A dossier found by its number (« BS-2026-000001 ») or the tracking code of its receipt
/// (« K7P-3QX »): the inbox attaches a file to it, the search screen opens it.
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
        return try store.read { db in
            try fetch(db, column: "number", value: number)
        }
    }

    /// The dossier whose number or tracking code is `text` (spaces and case ignored, the tracking
    /// code's dash optional), if any.
    public static func find(reference text: String, in store: SIMSStore) throws -> InboxDossier? {
        if let dossier = try find(number: text, in: store) { return dossier }
        var code = text.trimmingCharacters(in: .whitespaces).uppercased()
        if code.count == 6, !code.contains("-") { code.insert("-", at: code.index(code.startIndex, offsetBy: 3)) }
        // Only a text shaped like a code is looked up: the search screen asks at every key.
        guard code.count == 7, Array(code)[3] == "-",
              code.allSatisfy({ $0 == "-" || TrackingCode.alphabet.contains($0) }) else { return nil }
        return try store.read { db in try fetch(db, column: "tracking_code", value: code) }
    }

    private static func fetch(_ db: any StoreSession, column: String, value: String) throws -> InboxDossier? {
        try StoreRow.fetchOne(db, sql: "SELECT id, number, procedure_title, applicant_id FROM dossier WHERE \(column) = ?",
                         arguments: [value]).map { row in
            InboxDossier(id: row["id"], number: row["number"], procedureTitle: row["procedure_title"],
                         applicantID: row["applicant_id"])
        }
    }
}
