import Foundation

/// Internal notes on dossiers: one transaction per note, with its event (the event names the note,
/// not its text: the text stays in the dossier, out of the audit trail's payloads).
public struct DossierNoteService: Sendable {
    public let store: SIMSStore
    /// The longest note accepted, in characters.
    public static let maxLength = 2000

    public init(store: SIMSStore) { self.store = store }

    /// Adds a note, or throws a ``ValidationError`` with the French reason (nothing written).
    @discardableResult
    public func add(_ text: String, to dossierID: Int64, by agent: Agent) throws -> DossierNote {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard agent.has(.instructor) || agent.has(.supervisor) || agent.has(.reception) else {
            throw ValidationError(field: nil, message: "Impossible d'ajouter une note : il faut être agent d'accueil, instructeur ou superviseur.")
        }
        guard !trimmed.isEmpty else {
            throw ValidationError(field: nil, message: "La note est vide : écrivez le texte de la note.")
        }
        guard trimmed.count <= Self.maxLength else {
            throw ValidationError(field: nil, message: "La note est trop longue (\(trimmed.count) caractères) : \(Self.maxLength) au plus.")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
            throw ValidationError(field: nil, message: "La note contient un caractère de contrôle : retapez-la.")
        }
        return try store.write { db in
            guard let applicantID = try Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ? AND state <> 'brouillon'",
                                                       arguments: [dossierID]) else { throw DossierService.notFound(dossierID) }
            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            try db.execute(sql: "INSERT INTO dossier_note (dossier_id, agent_id, created_at, text) VALUES (?, ?, ?, ?)",
                           arguments: [dossierID, agent.id, at, trimmed])
            let id = try db.lastInsertedRowID
            try EventLog.append(db, kind: .dossierNoteAdded, agentID: agent.id, tierID: applicantID, dossierID: dossierID,
                                payload: ["note": String(id), "longueur": String(trimmed.count)], at: now)
            return DossierNote(id: id, dossierID: dossierID, agentID: agent.id, agentName: agent.fullName, createdAt: at, text: trimmed)
        }
    }
}
