import Foundation
package import GRDB

// Temporary: GRDB's `Database` for the callers not yet behind the seam. Delete once none is left.
extension EventErasure {
    package static func eraseContent(_ db: Database, eventIDs: [Int64]) throws -> EventErasure {
        try eraseContent(SQLiteSession(db), eventIDs: eventIDs)
    }

    package func record(_ db: Database, erasureEventID: Int64, at: Date) throws {
        try record(SQLiteSession(db), erasureEventID: erasureEventID, at: at)
    }
}
