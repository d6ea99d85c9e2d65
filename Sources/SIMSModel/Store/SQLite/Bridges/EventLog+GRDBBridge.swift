import Foundation
package import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension EventLog {
    @discardableResult
    package static func append(_ db: Database, kind: EventKind, agentID: Int64?, tierID: Int64?,
                               dossierID: Int64? = nil, payload: [String: String], at: Date) throws -> Int64 {
        try append(SQLiteSession(db), kind: kind, agentID: agentID, tierID: tierID, dossierID: dossierID, payload: payload, at: at)
    }

    package static func didAppend(_ db: Database, id: Int64) { didAppend(SQLiteSession(db), id: id) }

    package static func seal(_ db: Database) throws { try seal(SQLiteSession(db)) }

    package static func hasUnsealedRows(_ db: Database) -> Bool { hasUnsealedRows(SQLiteSession(db)) }

    package static func attach(_ db: Database, _ added: RowAttestation, to event: AuditEvent) throws {
        try attach(SQLiteSession(db), added, to: event)
    }

    package static func nextID(_ db: Database) throws -> Int64 { try nextID(SQLiteSession(db)) }
}
