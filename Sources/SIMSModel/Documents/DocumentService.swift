import Foundation

/// Records supporting documents and finds those a tier already has on file.
///
/// ```swift
/// let documents = DocumentService(store: store)
/// let proof = try documents.register(type: .proofOfAddress, issuedOn: "2026-10-12", owners: [parent.id], by: agent)
/// try documents.documents(ownedBy: parent.id)   // offered for reuse by the next dossier
/// ```
public struct DocumentService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Records a document handed in or scanned, with its event, in one transaction.
    @discardableResult
    public func register(type: DocumentType, issuedOn: String?, validUntil: String? = nil, owners: [Int64],
                         by agent: Agent) throws -> Document {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "enregistrer une pièce")
        return try store.write { db in
            let id = try Self.insert(db, type: type, issuedOn: issuedOn, validUntil: validUntil, owners: owners,
                                     agentID: agent.id, dossierID: nil, now: store.clock.now())
            return try Self.fetch(db, ids: [id]).first!
        }
    }

    /// Stores a file (scan, PDF, image) and records it as a document of `owners`, attached to a
    /// dossier (for one of its pieces) when given. The file is written completely before its row
    /// commits; the same content attached again is stored once and its document reused.
    @discardableResult
    public func attach(fileAt file: URL, type: DocumentType, issuedOn: String? = nil, validUntil: String? = nil,
                       pages: Int? = nil, originalName: String? = nil, owners: [Int64], dossierID: Int64? = nil,
                       pieceKey: String? = nil, by agent: Agent) throws -> AttachedDocument {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "joindre une pièce")
        guard !owners.isEmpty || dossierID != nil else {
            throw ValidationError(field: nil, message: "Une pièce se joint à un tiers ou à un dossier : choisissez-le d'abord.")
        }
        let stored = try DocumentFileStore(storePath: store.path).put(fileAt: file)
        return try store.write { db in
            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            var deduplicated = false
            let id: Int64
            if let existing = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM document WHERE sha256 = ?"),
                                                 arguments: [stored.sha256]) {
                id = existing
                deduplicated = true
                var payload = ["document": String(id), "doublon": "oui", "titulaires": owners.map(String.init).joined(separator: ",")]
                if let dossierID { payload["dossier"] = String(dossierID) }
                try EventLog.append(db, kind: .documentRegistered, agentID: agent.id, tierID: owners.first, dossierID: dossierID,
                                    payload: payload, at: now)
            } else {
                var payload = ["type": type.rawValue, "sha256": stored.sha256, "taille": String(stored.size),
                               "titulaires": owners.map(String.init).joined(separator: ",")]
                if let issuedOn { payload["date_emission"] = issuedOn }
                let eventID = try EventLog.append(db, kind: .documentRegistered, agentID: agent.id, tierID: owners.first,
                                                  dossierID: dossierID, payload: payload, at: now)
                try db.cachedStatement(sql: """
                    INSERT INTO document (type, sha256, file_ext, issued_on, valid_until, pages, size, file_name, ocr_state,
                                          created_at, agent_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'en_attente', ?, ?, ?)
                    """).execute(arguments: [type.rawValue, stored.sha256, stored.fileExtension, issuedOn, validUntil, pages,
                                             stored.size, originalName, at, agent.id, eventID])
                id = try db.lastInsertedRowID
            }
            for owner in Set(owners) {
                try db.cachedStatement(sql: "INSERT INTO document_owner (tier_id, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .execute(arguments: [owner, id])
            }
            if let dossierID {
                try db.cachedStatement(sql: """
                    INSERT INTO dossier_document (dossier_id, document_id, piece_key, added_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """).execute(arguments: [dossierID, id, pieceKey, at])
                if let pieceKey {
                    try db.cachedStatement(sql: """
                        INSERT INTO dossier_piece (dossier_id, piece_key, status, document_id) VALUES (?, ?, 'reutilisee', ?)
                        ON CONFLICT (dossier_id, piece_key)
                        DO UPDATE SET status = excluded.status, document_id = excluded.document_id, issued_on = NULL
                        """).execute(arguments: [dossierID, pieceKey, id])
                }
            }
            guard let document = try Self.fetch(db, ids: [id]).first else {
                throw ValidationError(field: nil, message: "Pièce n° \(id) introuvable.")
            }
            return AttachedDocument(document: document, deduplicated: deduplicated)
        }
    }

    /// Records the date printed on a document (a scan has none until the agent types it), which
    /// lets later dossiers check its age. `typed` is as typed (`jj/mm/aaaa`); a date after today
    /// is refused.
    @discardableResult
    public func setIssueDate(documentID: Int64, typed: String, by agent: Agent) throws -> Document {
        try AgentService.require(agent, .reception, .instructor, .supervisor, to: "dater une pièce")
        let issuedOn = try DateRule.normalize(typed, label: "Date de la pièce", notAfter: store.clock.today())
        return try store.write { db in
            guard let before = try Self.fetch(db, ids: [documentID]).first else {
                throw ValidationError(field: nil, message: "Pièce n° \(documentID) introuvable.")
            }
            try db.execute(sql: "UPDATE document SET issued_on = ? WHERE id = ?", arguments: [issuedOn, documentID])
            var payload = ["document": String(documentID), "date_emission": issuedOn]
            if let previous = before.issuedOn { payload["date_precedente"] = previous }
            try EventLog.append(db, kind: .documentDated, agentID: agent.id, tierID: before.ownerIDs.first, payload: payload,
                                at: store.clock.now())
            return try Self.fetch(db, ids: [documentID]).first!
        }
    }

    /// The documents attached to a dossier, in the order they came.
    public func documents(ofDossier dossierID: Int64) throws -> [Document] {
        try store.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT document_id FROM dossier_document WHERE dossier_id = ? ORDER BY added_at, document_id",
                                         arguments: [dossierID])
            let found = Dictionary(uniqueKeysWithValues: try Self.fetch(db, ids: ids).map { ($0.id, $0) })
            return ids.compactMap { found[$0] }
        }
    }

    /// The stored file of a document, when it has one.
    public func fileURL(of document: Document) -> URL? {
        guard let sha256 = document.sha256 else { return nil }
        return DocumentFileStore(storePath: store.path).url(sha256: sha256, extension: document.fileExtension ?? "")
    }

    /// The documents of a tier, newest issue first.
    public func documents(ownedBy tierID: Int64) throws -> [Document] {
        try store.read { db in try Self.documents(db, ownedBy: tierID) }
    }

    /// Inserts a document and its owners with its event, inside the caller's transaction.
    static func insert(_ db: any StoreSession, type: DocumentType, issuedOn: String?, validUntil: String?, owners: [Int64],
                       agentID: Int64, dossierID: Int64?, now: Date) throws -> Int64 {
        let at = Timestamp.string(from: now)
        var payload = ["type": type.rawValue, "titulaires": owners.map(String.init).joined(separator: ",")]
        if let issuedOn { payload["date_emission"] = issuedOn }
        let eventID = try EventLog.append(db, kind: .documentRegistered, agentID: agentID, tierID: owners.first,
                                          dossierID: dossierID, payload: payload, at: now)
        try db.cachedStatement(sql: """
            INSERT INTO document (type, issued_on, valid_until, created_at, agent_id, event_id) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [type.rawValue, issuedOn, validUntil, at, agentID, eventID])
        let id = try db.lastInsertedRowID
        for owner in Set(owners) {
            try db.cachedStatement(sql: "INSERT INTO document_owner (tier_id, document_id) VALUES (?, ?)").execute(arguments: [owner, id])
        }
        return id
    }

    static func documents(_ db: any StoreSession, ownedBy tierID: Int64) throws -> [Document] {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document_id FROM document_owner WHERE tier_id = ?"), arguments: [tierID])
        return try fetch(db, ids: ids)
    }

    static func fetch(_ db: any StoreSession, ids: [Int64]) throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let owners = try StoreRow.fetchAll(db.cachedStatement(sql: "SELECT tier_id, document_id FROM document_owner WHERE document_id IN (\(marks))"),
                                      arguments: StoreArguments(ids))
        var ownersByDocument: [Int64: [Int64]] = [:]
        for row in owners { ownersByDocument[row["document_id"], default: []].append(row["tier_id"]) }
        return try StoreRow.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM document WHERE id IN (\(marks)) ORDER BY coalesce(issued_on, '') DESC, id DESC
            """), arguments: StoreArguments(ids)).map { row in
            Document(id: row["id"], type: DocumentType(rawValue: row["type"]) ?? .other, issuedOn: row["issued_on"],
                     validUntil: row["valid_until"], sha256: row["sha256"], pages: row["pages"],
                     ownerIDs: ownersByDocument[row["id"]]?.sorted() ?? [], createdAt: row["created_at"],
                     fileExtension: row["file_ext"], size: row["size"], originalName: row["file_name"],
                     ocrState: (row["ocr_state"] as String?).flatMap(OCRState.init(rawValue:)), ocrText: row["ocr_text"])
        }
    }
}
