import Foundation
import GRDB

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
        return try store.pool.write { db in
            let id = try Self.insert(db, type: type, issuedOn: issuedOn, validUntil: validUntil, owners: owners,
                                     agentID: agent.id, dossierID: nil, now: store.clock.now())
            return try Self.fetch(db, ids: [id]).first!
        }
    }

    /// The documents of a tier, newest issue first.
    public func documents(ownedBy tierID: Int64) throws -> [Document] {
        try store.pool.read { db in try Self.documents(db, ownedBy: tierID) }
    }

    /// Inserts a document and its owners with its event, inside the caller's transaction.
    static func insert(_ db: Database, type: DocumentType, issuedOn: String?, validUntil: String?, owners: [Int64],
                       agentID: Int64, dossierID: Int64?, now: Date) throws -> Int64 {
        let at = Timestamp.string(from: now)
        var payload = ["type": type.rawValue, "titulaires": owners.map(String.init).joined(separator: ",")]
        if let issuedOn { payload["date_emission"] = issuedOn }
        let eventID = try EventLog.append(db, kind: .documentRegistered, agentID: agentID, tierID: owners.first,
                                          dossierID: dossierID, payload: payload, at: now)
        try db.cachedStatement(sql: """
            INSERT INTO document (type, issued_on, valid_until, created_at, agent_id, event_id) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [type.rawValue, issuedOn, validUntil, at, agentID, eventID])
        let id = db.lastInsertedRowID
        for owner in Set(owners) {
            try db.cachedStatement(sql: "INSERT INTO document_owner (tier_id, document_id) VALUES (?, ?)").execute(arguments: [owner, id])
        }
        return id
    }

    static func documents(_ db: Database, ownedBy tierID: Int64) throws -> [Document] {
        let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document_id FROM document_owner WHERE tier_id = ?"), arguments: [tierID])
        return try fetch(db, ids: ids)
    }

    static func fetch(_ db: Database, ids: [Int64]) throws -> [Document] {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
        let owners = try Row.fetchAll(db.cachedStatement(sql: "SELECT tier_id, document_id FROM document_owner WHERE document_id IN (\(marks))"),
                                      arguments: StatementArguments(ids))
        var ownersByDocument: [Int64: [Int64]] = [:]
        for row in owners { ownersByDocument[row["document_id"], default: []].append(row["tier_id"]) }
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM document WHERE id IN (\(marks)) ORDER BY coalesce(issued_on, '') DESC, id DESC
            """), arguments: StatementArguments(ids)).map { row in
            Document(id: row["id"], type: DocumentType(rawValue: row["type"]) ?? .other, issuedOn: row["issued_on"],
                     validUntil: row["valid_until"], sha256: row["sha256"], pages: row["pages"],
                     ownerIDs: ownersByDocument[row["id"]]?.sorted() ?? [], createdAt: row["created_at"])
        }
    }
}
