import Foundation
package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension DossierFactProof {
    static func provable(_ db: Database, dossierID: Int64, today: CalendarDate) throws -> [ProvableFact] {
        try provable(SQLiteSession(db), dossierID: dossierID, today: today)
    }

    static func checkUnchanged(_ db: Database, _ shown: [ProvableFact], dossierID: Int64, today: CalendarDate) throws {
        try checkUnchanged(SQLiteSession(db), shown, dossierID: dossierID, today: today)
    }

    static func validate(_ db: Database, _ facts: [ProvableFact], number: String, dossierID: Int64, agentID: Int64,
                         eventID: Int64, now: Date) throws {
        try validate(SQLiteSession(db), facts, number: number, dossierID: dossierID, agentID: agentID, eventID: eventID, now: now)
    }
}
