import Foundation
package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension MatchParameterStore {
    static func save(_ db: Database, _ parameters: MatchParameters, agentID: Int64?, at: Date) throws {
        try save(SQLiteSession(db), parameters, agentID: agentID, at: at)
    }
}
