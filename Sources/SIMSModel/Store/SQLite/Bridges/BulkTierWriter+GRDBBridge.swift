import Foundation
package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). No caller left on main at the merge of seamb: kept for the branches still in
// flight, to be deleted once they are merged.
extension BulkTierWriter {
    package convenience init(_ db: Database, agentID: Int64?, now: Date) throws {
        try self.init(SQLiteSession(db) as any StoreSession, agentID: agentID, now: now)
    }
}
