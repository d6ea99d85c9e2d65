import Foundation
package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension TierService {
    package static func read(_ db: Database, id: Int64) throws -> TierSnapshot? {
        try read(SQLiteSession(db), id: id)
    }

    static func loadSnapshot(_ db: Database, id: Int64, relations withRelations: Bool = true) throws -> TierSnapshot? {
        try loadSnapshot(SQLiteSession(db), id: id, relations: withRelations)
    }

    static func insert(_ db: Database, kind: TierKind, current: [TierField: String], provenance: Provenance,
                       agentID: Int64, dossierID: Int64? = nil, now: Date, extraPayload: [String: String] = [:]) throws -> Int64 {
        try insert(SQLiteSession(db), kind: kind, current: current, provenance: provenance, agentID: agentID,
                   dossierID: dossierID, now: now, extraPayload: extraPayload)
    }

    @discardableResult
    static func update(_ db: Database, id: Int64, expectedVersion: Int, changes: [TierField: String?],
                       provenance: Provenance, confirmingVerifiedChanges: Bool, agentID: Int64,
                       dossierID: Int64? = nil, now: Date, today: CalendarDate,
                       loaded: TierSnapshot? = nil, reload: Bool = true) throws -> TierSnapshot {
        try update(SQLiteSession(db), id: id, expectedVersion: expectedVersion, changes: changes, provenance: provenance,
                   confirmingVerifiedChanges: confirmingVerifiedChanges, agentID: agentID, dossierID: dossierID, now: now,
                   today: today, loaded: loaded, reload: reload)
    }

    static func insertRelation(_ db: Database, _ tierID: Int64, kind: RelationKind, to relatedID: Int64, agentID: Int64,
                               dossierID: Int64? = nil, now: Date) throws {
        try insertRelation(SQLiteSession(db), tierID, kind: kind, to: relatedID, agentID: agentID, dossierID: dossierID, now: now)
    }
}
