import Foundation
package import GRDB

// GRDB's `Database` forwarded to the session versions, for the callers not yet behind the seam
// (issue 24). To be deleted once every caller passes `any StoreSession`.
extension BulkTierWriter {
    package convenience init(_ db: Database, agentID: Int64?, now: Date) throws {
        try self.init(SQLiteSession(db) as any StoreSession, agentID: agentID, now: now)
    }
}
